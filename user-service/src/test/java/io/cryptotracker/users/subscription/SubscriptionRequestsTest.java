package io.cryptotracker.users.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.ValidationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SubscriptionRequestsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aUserSetsAutoRenewOrCancels() {
        assertThat(own("{\"auto_renew\": false}")).isEqualTo(new SubscriptionRequests.OwnChange(false, false));
        assertThat(own("{\"status\": \"CANCELLED\"}")).isEqualTo(new SubscriptionRequests.OwnChange(null, true));
        assertThat(own("{\"status\": \"CANCELLED\", \"auto_renew\": false}"))
                .isEqualTo(new SubscriptionRequests.OwnChange(false, true));
    }

    @Test
    void aUserMayNotSetAnyOtherStatusOrNothingOrAContradiction() {
        assertThat(ownErrors("{\"status\": \"ACTIVE\"}")).containsExactly("status");
        assertThat(ownErrors("{}")).containsExactly("auto_renew");
        assertThat(ownErrors("{\"auto_renew\": \"yes\"}")).containsExactly("auto_renew");
        assertThat(ownErrors("{\"status\": \"CANCELLED\", \"auto_renew\": true}")).containsExactly("auto_renew");
        assertThat(ownErrors("{\"plan\": \"VIP\"}")).contains("plan");
    }

    @Test
    void anAdminGrantsVipUntilAFutureTimeOrEndsItWithFree() {
        assertThat(admin("{\"plan\": \"VIP\", \"expires_at\": \"2026-12-23T12:00:00Z\"}")).isEqualTo(
                new SubscriptionRequests.AdminChange(Subscription.Plan.VIP, Instant.parse("2026-12-23T12:00:00Z")));
        assertThat(admin("{\"plan\": \"FREE\"}"))
                .isEqualTo(new SubscriptionRequests.AdminChange(Subscription.Plan.FREE, null));
        assertThat(admin("{\"plan\": \"FREE\", \"expires_at\": null}").plan()).isEqualTo(Subscription.Plan.FREE);
    }

    @Test
    void adminRequestsAreCheckedFieldByField() {
        assertThat(adminErrors("{\"plan\": \"vip\", \"expires_at\": \"2026-12-23T12:00:00Z\"}")).containsExactly("plan");
        assertThat(adminErrors("{\"expires_at\": \"2026-12-23T12:00:00Z\"}")).containsExactly("plan");
        assertThat(adminErrors("{\"plan\": \"VIP\"}")).containsExactly("expires_at");
        assertThat(adminErrors("{\"plan\": \"VIP\", \"expires_at\": \"2026-11-23T12:00:00Z\"}"))
                .containsExactly("expires_at");
        assertThat(adminErrors("{\"plan\": \"VIP\", \"expires_at\": \"2026-12-23\"}")).containsExactly("expires_at");
        assertThat(adminErrors("{\"plan\": \"VIP\", \"expires_at\": \"2046-12-23T12:00:00Z\"}"))
                .containsExactly("expires_at");
        assertThat(adminErrors("{\"plan\": \"FREE\", \"expires_at\": \"2026-12-23T12:00:00Z\"}"))
                .containsExactly("expires_at");
        assertThat(adminErrors("{\"plan\": \"FREE\", \"tier\": \"VIP\"}")).containsExactly("tier");
    }

    private static SubscriptionRequests.OwnChange own(String json) {
        return SubscriptionRequests.OwnChange.parse(JSON.readTree(json));
    }

    private static SubscriptionRequests.AdminChange admin(String json) {
        return SubscriptionRequests.AdminChange.parse(JSON.readTree(json), NOW);
    }

    private static List<String> ownErrors(String json) {
        return fields(() -> own(json));
    }

    private static List<String> adminErrors(String json) {
        return fields(() -> admin(json));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Runnable parse) {
        List<String>[] fields = new List[1];
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ValidationException.class,
                ex -> fields[0] = ((List<FieldError>) ex.properties().get("errors")).stream().map(FieldError::field)
                        .distinct().toList());
        return fields[0];
    }
}
