package io.cryptotracker.users.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.users.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The two subscription bodies in a web slice: what binds, and which field each bad request names. */
class SubscriptionRequestsTest extends WebSlice {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @BeforeEach
    void answer() {
        when(subscriptionChanges.now()).thenReturn(NOW);
        Subscription free = Subscription.free(USER.id(), NOW);
        when(subscriptionChanges.changeOwn(any(), any(), any())).thenReturn(free);
        when(subscriptionChanges.changeByAdmin(any(), any())).thenReturn(free);
    }

    @Test
    void aUserSetsAutoRenewOrCancels() throws Exception {
        assertThat(own("{\"auto_renew\": false}").getResponse().getStatus()).isEqualTo(200);
        assertThat(own("{\"status\": \"CANCELLED\"}").getResponse().getStatus()).isEqualTo(200);
        assertThat(own("{\"status\": \"CANCELLED\", \"auto_renew\": false}").getResponse().getStatus()).isEqualTo(200);

        verify(subscriptionChanges).changeOwn(any(), eq(new OwnChange(false, null)), any());
        verify(subscriptionChanges).changeOwn(any(), eq(new OwnChange(null, OwnChange.Cancellation.CANCELLED)), any());
        verify(subscriptionChanges).changeOwn(any(), eq(new OwnChange(false, OwnChange.Cancellation.CANCELLED)), any());
    }

    @Test
    void aUserMayNotSetAnyOtherStatusOrNothingOrAContradiction() throws Exception {
        assertThat(fields(own("{\"status\": \"ACTIVE\"}"))).containsExactly("status");
        assertThat(fields(own("{}"))).containsExactly("auto_renew");
        assertThat(fields(own("{\"auto_renew\": \"yes\"}"))).containsExactly("auto_renew");
        assertThat(fields(own("{\"auto_renew\": \"true\"}"))).containsExactly("auto_renew");
        assertThat(fields(own("{\"status\": \"CANCELLED\", \"auto_renew\": true}"))).containsExactly("auto_renew");
        assertThat(fields(own("{\"plan\": \"VIP\"}"))).containsExactly("plan");
    }

    @Test
    void anAdminGrantsVipUntilAFutureTimeOrEndsItWithFree() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(admin(id, "{\"plan\": \"VIP\", \"expires_at\": \"2026-12-23T12:00:00Z\"}").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(admin(id, "{\"plan\": \"FREE\", \"expires_at\": null}").getResponse().getStatus()).isEqualTo(200);

        verify(subscriptionChanges).changeByAdmin(id,
                new AdminChange(Subscription.Plan.VIP, Instant.parse("2026-12-23T12:00:00Z")));
        verify(subscriptionChanges).changeByAdmin(id, new AdminChange(Subscription.Plan.FREE, null));
    }

    @Test
    void adminRequestsAreCheckedFieldByField() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(fields(admin(id, "{\"plan\": \"vip\", \"expires_at\": \"2026-12-23T12:00:00Z\"}")))
                .containsExactly("plan");
        assertThat(fields(admin(id, "{\"expires_at\": \"2026-12-23T12:00:00Z\"}"))).containsExactly("plan");
        assertThat(fields(admin(id, "{\"plan\": \"VIP\"}"))).containsExactly("expires_at");
        assertThat(fields(admin(id, "{\"plan\": \"VIP\", \"expires_at\": \"2026-11-23T12:00:00Z\"}")))
                .containsExactly("expires_at");
        assertThat(fields(admin(id, "{\"plan\": \"VIP\", \"expires_at\": \"2026-12-23\"}"))).containsExactly("expires_at");
        assertThat(fields(admin(id, "{\"plan\": \"VIP\", \"expires_at\": \"2046-12-23T12:00:00Z\"}")))
                .containsExactly("expires_at");
        assertThat(fields(admin(id, "{\"plan\": \"FREE\", \"expires_at\": \"2026-12-23T12:00:00Z\"}")))
                .containsExactly("expires_at");
        assertThat(fields(admin(id, "{\"plan\": \"FREE\", \"tier\": \"VIP\"}"))).containsExactly("tier");
        assertThat(fields(mvc.perform(put("/api/v1/admin/users/not-a-uuid/subscription")
                .contentType(MediaType.APPLICATION_JSON).content("{\"plan\": \"FREE\"}")).andReturn()))
                .containsExactly("id");
    }

    private MvcResult own(String json) throws Exception {
        return mvc.perform(put("/api/v1/users/me/subscription").contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn();
    }

    private MvcResult admin(UUID id, String json) throws Exception {
        return mvc.perform(put("/api/v1/admin/users/" + id + "/subscription").contentType(MediaType.APPLICATION_JSON)
                .content(json)).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        JSON.readTree(result.getResponse().getContentAsString()).path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
