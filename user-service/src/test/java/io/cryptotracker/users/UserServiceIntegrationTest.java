package io.cryptotracker.users;

import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.BadInputSweep;
import io.cryptotracker.testsupport.KafkaRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static io.cryptotracker.testsupport.KafkaRecords.awaitRecord;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.events.AuditEvent;
import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.ServiceContractTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * user-service end to end on real embedded PostgreSQL and Kafka, over real HTTP with tokens of a test issuer:
 * profiles from UserRegistered or from the first request, preferences and their validation, subscriptions by the
 * user, by an admin and by the clock with their SubscriptionChanged events, and the audit log from AuditEvents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserServiceIntegrationTest extends ServiceContractTest {

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/users/me",
                "/api/v1/users/me/preferences",
                "/api/v1/users/me/subscription",
                "/api/v1/users/me/audit",
                "/api/v1/admin/users/{id}/subscription",
                "/api/v1/admin/users");
    }

    private AuthenticatedUser sweeper;

    /**
     * The contract check's and the sweep's user: a profile and a VIP grant (its token says VIP too), so every
     * operation answers 2xx once and its body is checked against the document, not only its 400 or 404 – the
     * user's own subscription change needs a VIP subscription, and its changes fill {@code /users/me/audit}.
     */
    private AuthenticatedUser sweeper() {
        if (sweeper == null) {
            AuthenticatedUser user = registeredUser("sweeper");
            ApiResponse granted = asAdmin().put("/api/v1/admin/users/" + user.id() + "/subscription", vipGrant());
            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
            sweeper = new AuthenticatedUser(user.id(), user.email(), Tier.VIP, user.roles());
        }
        return sweeper;
    }

    private static String vipGrant() {
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return "{\"plan\": \"VIP\", \"expires_at\": \"" + until + "\"}";
    }

    @Override
    protected String badInputUserToken() {
        return issuer().token(sweeper());
    }

    /** {@code {id}} is the sweep's user; valid bodies, so the changes answer 200 and not only 400. */
    @Override
    protected BadInputSweep.Samples badInputSamples() {
        return new BadInputSweep.Samples()
                .pathValues("id", sweeper().id().toString())
                .body("PUT /api/v1/admin/users/{id}/subscription", vipGrant())
                .body("PUT /api/v1/users/me/preferences", "{\"min_spread_percent\": 2.5}")
                .body("PUT /api/v1/users/me/subscription", "{\"auto_renew\": false}");
    }

    @DynamicPropertySource
    static void userServiceSettings(DynamicPropertyRegistry registry) {
        // this context's own consumer group: the broker and its topics are shared by the JVM
        registry.add("spring.kafka.consumer.group-id", () -> "user-service-it-" + UUID.randomUUID());
        registry.add("cryptotracker.users.subscriptions.expiry-check-interval", () -> "300ms");
    }

    @Autowired
    JdbcClient jdbc;

    KafkaProducer<String, String> producer;

    @BeforeAll
    void openProducer() {
        producer = KafkaRecords.producer();
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Nested
    class Registration {

        @Test
        void userRegisteredCreatesTheProfileAFreePlanAndDefaultPreferences() {
            AuthenticatedUser alice = newUser("alice");
            publish(Topics.USERS, registered(alice, "alice_1"));

            await().atMost(Duration.ofSeconds(20)).until(() -> profileCount(alice.id()) == 1);

            JsonNode me = as(alice).get("/api/v1/users/me").json();
            assertThat(me.get("id").asString()).isEqualTo(alice.id().toString());
            assertThat(me.get("email").asString()).isEqualTo(alice.email());
            assertThat(me.get("username").asString()).isEqualTo("alice_1");
            assertThat(Instant.parse(me.get("created_at").asString())).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
            assertThat(me.get("tier").asString()).isEqualTo("FREE");
            assertThat(me.get("roles").toString()).isEqualTo("[\"USER\"]");
            JsonNode subscription = me.get("subscription");
            assertThat(subscription.get("plan").asString()).isEqualTo("FREE");
            assertThat(subscription.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(subscription.get("expires_at").isNull()).isTrue();
            assertThat(subscription.get("auto_renew").asBoolean()).isFalse();
            assertThat(subscription.has("started_at")).isTrue();

            JsonNode preferences = as(alice).get("/api/v1/users/me/preferences").json();
            assertThat(preferences.toString()).isEqualTo("{\"channels\":{\"browser\":true,\"email\":false,"
                    + "\"sound\":true},\"kinds\":[\"mexc-spot-futures\",\"funding-rate\",\"mexc-dex\"],"
                    + "\"min_spread_percent\":1,\"symbols_allow\":[],\"symbols_deny\":[],\"quiet_hours\":null,"
                    + "\"timezone\":\"UTC\"}");
        }

        @Test
        void meBeforeTheEventAnswersDefaultsAndTheLateEventOnlyAddsTheUsername() {
            AuthenticatedUser bob = newUser("bob");

            ApiResponse early = as(bob).get("/api/v1/users/me");
            assertThat(early.status()).isEqualTo(200);
            assertThat(early.json().get("username").isNull()).isTrue();
            assertThat(early.json().path("subscription").path("plan").asString()).isEqualTo("FREE");
            assertThat(as(bob).put("/api/v1/users/me/preferences", "{\"min_spread_percent\": 2.5}").status())
                    .isEqualTo(200);

            publish(Topics.USERS, registered(bob, "bob_2"));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "bob_2".equals(as(bob).get("/api/v1/users/me").json().path("username").asString()));
            assertThat(as(bob).get("/api/v1/users/me/preferences").json().get("min_spread_percent").decimalValue())
                    .isEqualByComparingTo("2.5");
            assertThat(as(bob).get("/api/v1/users/me").json().path("subscription").path("plan").asString())
                    .isEqualTo("FREE");
            assertThat(jdbc.sql("SELECT count(*) FROM subscriptions WHERE user_id = ?").param(bob.id())
                    .query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void aDuplicateOrRepeatedRegistrationChangesNothing() {
            AuthenticatedUser carol = newUser("carol");
            UserRegistered event = registered(carol, "carol_3");
            publish(Topics.USERS, event);
            await().atMost(Duration.ofSeconds(20)).until(() -> profileCount(carol.id()) == 1);
            assertThat(as(carol).put("/api/v1/users/me/preferences", "{\"timezone\": \"Europe/Berlin\"}").status())
                    .isEqualTo(200);
            Map<String, Object> before = rowOf(carol.id());

            publish(Topics.USERS, event);
            publish(Topics.USERS, UserRegistered.of(carol.id(), carol.email(), "someone_else", List.of("USER"),
                    "FREE", Instant.now()));
            // a later registration on the same key (so the same partition) shows the two above were handled
            AuthenticatedUser marker = newUser("marker");
            UserRegistered markerEvent = registered(marker, "marker_4");
            producer.send(new ProducerRecord<>(Topics.USERS, carol.id().toString(), EventJson.write(markerEvent)));
            producer.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> profileCount(marker.id()) == 1);

            assertThat(rowOf(carol.id())).isEqualTo(before);
            assertThat(as(carol).get("/api/v1/users/me/preferences").json().get("timezone").asString())
                    .isEqualTo("Europe/Berlin");
        }

        @Test
        void theTierComesFromThePlanAndTheRolesFromTheToken() {
            AuthenticatedUser dave = new AuthenticatedUser(UUID.randomUUID(), "dave@example.com", Tier.VIP,
                    Set.of("USER", "ADMIN"));

            JsonNode me = as(dave).get("/api/v1/users/me").json();

            assertThat(me.get("tier").asString()).isEqualTo("FREE");
            assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\",\"USER\"]");
        }

        @Test
        void anUnknownPathIsA404Problem() {
            ApiResponse response = as(newUser("erin")).get("/api/v1/users/nothing-here");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Nested
    class PreferencesApi {

        @Test
        void aFullPutIsNormalizedStoredPublishedAndAudited() {
            AuthenticatedUser frank = newUser("frank");
            ApiResponse put = as(frank).put("/api/v1/users/me/preferences", """
                    {"channels": {"browser": false, "email": true, "sound": false},
                     "kinds": ["mexc-dex", "funding-rate", "mexc-dex"],
                     "min_spread_percent": 0.75,
                     "symbols_allow": ["BTC", "ethusdt", "SOL_USDT", "doge/usdt", "$PEPE"],
                     "symbols_deny": ["XRP-USDT"],
                     "quiet_hours": {"start": "23:00", "end": "07:30"},
                     "timezone": "Europe/Berlin"}
                    """);

            assertThat(put.status()).as(put.body()).isEqualTo(200);
            String expected = "{\"channels\":{\"browser\":false,\"email\":true,\"sound\":false},"
                    + "\"kinds\":[\"funding-rate\",\"mexc-dex\"],\"min_spread_percent\":0.75,"
                    + "\"symbols_allow\":[\"BTC/USDT\",\"ETH/USDT\",\"SOL/USDT\",\"DOGE/USDT\",\"PEPE/USDT\"],"
                    + "\"symbols_deny\":[\"XRP/USDT\"],\"quiet_hours\":{\"start\":\"23:00\",\"end\":\"07:30\"},"
                    + "\"timezone\":\"Europe/Berlin\"}";
            assertThat(put.json().toString()).isEqualTo(expected);
            assertThat(as(frank).get("/api/v1/users/me/preferences").json().toString()).isEqualTo(expected);

            JsonNode event = UserApi.JSON.readTree(
                    awaitRecord(Topics.USERS, frank.id().toString(), "\"min_spread_percent\":0.75").value());
            assertThat(event.get("type").asString()).isEqualTo("PreferencesChanged");
            assertThat(event.get("symbols_allow").size()).isEqualTo(5);
            assertThat(event.get("kinds").toString()).isEqualTo("[\"funding-rate\",\"mexc-dex\"]");
            assertThat(event.path("channels").path("email").asBoolean()).isTrue();
            assertThat(event.path("quiet_hours").path("start").asString()).startsWith("23:00");
            assertThat(event.get("timezone").asString()).isEqualTo("Europe/Berlin");

            JsonNode entry = awaitAuditEntry(frank, "PREFERENCES_CHANGED");
            assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
            assertThat(entry.get("user_agent").asString()).isEqualTo("user-service-integration-test");
            assertThat(entry.get("ip").asString()).isNotBlank();
            assertThat(entry.path("details").path("fields").asString()).contains("kinds", "timezone");
        }

        @Test
        void aPartialPutChangesOnlyTheFieldsItNamesAndNullClearsQuietHours() {
            AuthenticatedUser gina = newUser("gina");
            as(gina).put("/api/v1/users/me/preferences",
                    "{\"quiet_hours\": {\"start\": \"22:00\", \"end\": \"06:00\"}, \"symbols_deny\": [\"BTC\"]}");

            JsonNode changed = as(gina).put("/api/v1/users/me/preferences", "{\"channels\": {\"email\": true}}").json();

            assertThat(changed.get("channels").toString()).isEqualTo("{\"browser\":true,\"email\":true,\"sound\":true}");
            assertThat(changed.path("quiet_hours").path("start").asString()).isEqualTo("22:00");
            assertThat(changed.get("symbols_deny").toString()).isEqualTo("[\"BTC/USDT\"]");

            JsonNode cleared = as(gina).put("/api/v1/users/me/preferences", "{\"quiet_hours\": null}").json();
            assertThat(cleared.get("quiet_hours").isNull()).isTrue();
            assertThat(cleared.path("channels").path("email").asBoolean()).isTrue();
        }

        @Test
        void everyInvalidValueIsA400ProblemNamingItsField() {
            UserApi api = as(newUser("hank"));
            Map<String, String> cases = new java.util.LinkedHashMap<>();
            cases.put("{\"channels\": {\"email\": \"yes\"}}", "channels.email");
            cases.put("{\"channels\": {\"pager\": true}}", "channels.pager");
            cases.put("{\"channels\": true}", "channels");
            cases.put("{\"kinds\": [\"mexc-spot-futures\", \"arbitrage\"]}", "kinds[1]");
            cases.put("{\"kinds\": \"funding-rate\"}", "kinds");
            cases.put("{\"min_spread_percent\": -0.1}", "min_spread_percent");
            cases.put("{\"min_spread_percent\": 100.5}", "min_spread_percent");
            cases.put("{\"min_spread_percent\": 0.12345}", "min_spread_percent");
            cases.put("{\"min_spread_percent\": \"1.5\"}", "min_spread_percent");
            cases.put("{\"symbols_allow\": [\"BTC\", \"not a pair!\"]}", "symbols_allow[1]");
            cases.put("{\"symbols_deny\": [42]}", "symbols_deny[0]");
            cases.put("{\"symbols_allow\": [\"BTC\"], \"symbols_deny\": [\"btcusdt\"]}", "symbols_deny");
            cases.put("{\"quiet_hours\": {\"start\": \"23:00\"}}", "quiet_hours.end");
            cases.put("{\"quiet_hours\": {\"start\": \"25:00\", \"end\": \"07:00\"}}", "quiet_hours.start");
            cases.put("{\"quiet_hours\": {\"start\": \"7:00\", \"end\": \"08:00\"}}", "quiet_hours.start");
            cases.put("{\"quiet_hours\": {\"start\": \"08:00\", \"end\": \"08:00\"}}", "quiet_hours.end");
            cases.put("{\"timezone\": \"Mars/Olympus\"}", "timezone");
            cases.put("{\"timezone\": \"+02:00\"}", "timezone");
            cases.put("{\"colour\": \"blue\"}", "colour");
            StringBuilder many = new StringBuilder("[");
            for (int i = 0; i < 201; i++) {
                many.append(i == 0 ? "" : ",").append("\"C").append(i).append("\"");
            }
            cases.put("{\"symbols_allow\": " + many + "]}", "symbols_allow");

            cases.forEach((body, field) -> {
                ApiResponse response = api.put("/api/v1/users/me/preferences", body);
                assertThat(response.status()).as(body).isEqualTo(400);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.errorFields()).as(body).containsExactly(field);
            });
            assertThat(api.get("/api/v1/users/me/preferences").json().toString())
                    .isEqualTo(as(newUser("fresh")).get("/api/v1/users/me/preferences").json().toString());
        }

        @Test
        void aSymbolDeniedWhileAlreadyAllowedIsRefusedAndABrokenBodyIsA400() {
            UserApi api = as(newUser("ivy"));
            api.put("/api/v1/users/me/preferences", "{\"symbols_allow\": [\"ETH\"]}");

            assertThat(api.put("/api/v1/users/me/preferences", "{\"symbols_deny\": [\"ETH_USDT\"]}").errorFields())
                    .containsExactly("symbols_deny");
            ApiResponse broken = api.put("/api/v1/users/me/preferences", "{\"kinds\": [");
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.body()).doesNotContain("Exception", "jackson");
            assertThat(api.put("/api/v1/users/me/preferences", "[1, 2]").status()).isEqualTo(400);
        }
    }

    @Nested
    class Subscriptions {

        @Test
        void anAdminGrantsVipAndSubscriptionChangedSaysTierVip() {
            AuthenticatedUser jane = registeredUser("jane");
            Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

            ApiResponse granted = asAdmin().put("/api/v1/admin/users/" + jane.id() + "/subscription",
                    "{\"plan\": \"VIP\", \"expires_at\": \"" + until + "\"}");

            assertThat(granted.status()).as(granted.body()).isEqualTo(200);
            assertThat(granted.json().get("tier").asString()).isEqualTo("VIP");
            assertThat(granted.json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(granted.json().get("auto_renew").asBoolean()).isTrue();
            JsonNode event = UserApi.JSON.readTree(
                    awaitRecord(Topics.USERS, jane.id().toString(), "\"tier\":\"VIP\"").value());
            assertThat(event.get("type").asString()).isEqualTo("SubscriptionChanged");
            assertThat(event.get("plan").asString()).isEqualTo("VIP");
            assertThat(event.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(Instant.parse(event.get("expires_at").asString())).isEqualTo(until);
            JsonNode me = as(jane).get("/api/v1/users/me").json();
            assertThat(me.get("tier").asString()).isEqualTo("VIP");
            assertThat(Instant.parse(me.path("subscription").path("expires_at").asString())).isEqualTo(until);

            JsonNode entry = awaitAuditEntry(jane, "PLAN_CHANGED");
            assertThat(entry.path("details").path("plan").asString()).isEqualTo("VIP");
            assertThat(entry.path("details").path("changed_by").asString()).isEqualTo("admin");
            assertThat(entry.get("ip").isNull()).as("the admin's address is not shown to the user").isTrue();

            ApiResponse ended = asAdmin().put("/api/v1/admin/users/" + jane.id() + "/subscription",
                    "{\"plan\": \"FREE\"}");
            assertThat(ended.json().get("tier").asString()).isEqualTo("FREE");
            awaitRecord(Topics.USERS, jane.id().toString(), "\"tier\":\"FREE\"");
        }

        @Test
        void vipEndsByItselfAtExpiresAtWithAnEvent() {
            AuthenticatedUser kim = registeredUser("kim");
            Instant soon = Instant.now().plusSeconds(2);
            assertThat(asAdmin().put("/api/v1/admin/users/" + kim.id() + "/subscription",
                    "{\"plan\": \"VIP\", \"expires_at\": \"" + soon + "\"}").json().get("tier").asString())
                    .isEqualTo("VIP");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode subscription = as(kim).get("/api/v1/users/me/subscription").json();
                assertThat(subscription.get("plan").asString()).isEqualTo("FREE");
                assertThat(subscription.get("status").asString()).isEqualTo("EXPIRED");
                assertThat(subscription.get("tier").asString()).isEqualTo("FREE");
            });
            JsonNode event = UserApi.JSON.readTree(
                    awaitRecord(Topics.USERS, kim.id().toString(), "\"status\":\"EXPIRED\"").value());
            assertThat(event.get("tier").asString()).isEqualTo("FREE");
            assertThat(event.get("plan").asString()).isEqualTo("FREE");
            assertThat(awaitAuditEntry(kim, "PLAN_CHANGED", "expiry").path("details").path("status").asString())
                    .isEqualTo("EXPIRED");
        }

        @Test
        void aUserWhoIsNotAdminGetsA403OnTheAdminPath() {
            AuthenticatedUser leo = registeredUser("leo");

            ApiResponse response = as(leo).put("/api/v1/admin/users/" + leo.id() + "/subscription",
                    "{\"plan\": \"VIP\", \"expires_at\": \"" + Instant.now().plusSeconds(3600) + "\"}");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(as(leo).get("/api/v1/users/me").json().get("tier").asString()).isEqualTo("FREE");
        }

        @Test
        void badAdminRequestsAre400NamingTheFieldAndAnUnknownUserIs404() {
            UUID id = registeredUser("max").id();
            String path = "/api/v1/admin/users/" + id + "/subscription";

            assertThat(asAdmin().put(path, "{\"plan\": \"GOLD\"}").errorFields()).containsExactly("plan");
            assertThat(asAdmin().put(path, "{\"plan\": \"VIP\"}").errorFields()).containsExactly("expires_at");
            assertThat(asAdmin().put(path, "{\"plan\": \"VIP\", \"expires_at\": \"2020-01-01T00:00:00Z\"}")
                    .errorFields()).containsExactly("expires_at");
            assertThat(asAdmin().put(path, "{\"plan\": \"VIP\", \"expires_at\": \"next week\"}").errorFields())
                    .containsExactly("expires_at");
            assertThat(asAdmin().put(path, "{\"plan\": \"FREE\", \"expires_at\": \"2099-01-01T00:00:00Z\"}")
                    .errorFields()).containsExactly("expires_at");
            assertThat(asAdmin().put("/api/v1/admin/users/not-a-uuid/subscription", "{\"plan\": \"FREE\"}")
                    .errorFields()).containsExactly("id");
            ApiResponse unknown = asAdmin().put("/api/v1/admin/users/" + UUID.randomUUID() + "/subscription",
                    "{\"plan\": \"VIP\", \"expires_at\": \"" + Instant.now().plusSeconds(3600) + "\"}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        }

        @Test
        void aVipUserTurnsAutoRenewOffCancelsAndResumesWhileAFreeUserHasNothingToCancel() {
            AuthenticatedUser nora = registeredUser("nora");
            UserApi api = as(nora);
            ApiResponse free = api.put("/api/v1/users/me/subscription", "{\"status\": \"CANCELLED\"}");
            assertThat(free.status()).isEqualTo(409);
            assertThat(free.json().get("type").asString()).endsWith("/no-vip-subscription");

            asAdmin().put("/api/v1/admin/users/" + nora.id() + "/subscription",
                    "{\"plan\": \"VIP\", \"expires_at\": \"" + Instant.now().plus(7, ChronoUnit.DAYS) + "\"}");

            JsonNode off = api.put("/api/v1/users/me/subscription", "{\"auto_renew\": false}").json();
            assertThat(off.get("auto_renew").asBoolean()).isFalse();
            assertThat(off.get("status").asString()).isEqualTo("ACTIVE");
            JsonNode cancelled = api.put("/api/v1/users/me/subscription", "{\"status\": \"CANCELLED\"}").json();
            assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(cancelled.get("tier").asString()).as("VIP until expires_at").isEqualTo("VIP");
            awaitRecord(Topics.USERS, nora.id().toString(), "\"status\":\"CANCELLED\"");
            JsonNode resumed = api.put("/api/v1/users/me/subscription", "{\"auto_renew\": true}").json();
            assertThat(resumed.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(resumed.get("auto_renew").asBoolean()).isTrue();

            assertThat(api.put("/api/v1/users/me/subscription", "{\"status\": \"ACTIVE\"}").errorFields())
                    .containsExactly("status");
            assertThat(api.put("/api/v1/users/me/subscription", "{}").errorFields()).containsExactly("auto_renew");
            assertThat(api.put("/api/v1/users/me/subscription", "{\"auto_renew\": \"no\"}").errorFields())
                    .containsExactly("auto_renew");
        }
    }

    @Nested
    class AdminUserSearch {

        @Test
        void anAdminFindsUsersByPartOfTheirEmailOrUsernameIgnoringCaseWithTheirPlan() {
            String tag = uniqueTag();
            AuthenticatedUser rita = userWithEmail("Rita." + tag + "@Example.com");
            publish(Topics.USERS, registered(rita, "rita_" + tag));
            AuthenticatedUser sam = userWithEmail("sam@" + tag + ".example.org");
            assertThat(as(sam).get("/api/v1/users/me").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> profileCount(rita.id()) == 1);
            Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            assertThat(asAdmin().put("/api/v1/admin/users/" + rita.id() + "/subscription",
                    "{\"plan\": \"VIP\", \"expires_at\": \"" + until + "\"}").status()).isEqualTo(200);

            ApiResponse byEmail = asAdmin().get("/api/v1/admin/users?q=" + tag.toUpperCase());

            assertThat(byEmail.status()).isEqualTo(200);
            JsonNode page = byEmail.json();
            assertThat(page.get("total_items").asLong()).isEqualTo(2);
            assertThat(page.get("total_pages").asInt()).isEqualTo(1);
            assertThat(page.get("page").asInt()).isZero();
            assertThat(page.get("size").asInt()).isEqualTo(20);
            JsonNode first = page.get("items").get(0);
            assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "email", "username", "created_at",
                    "subscription");
            assertThat(first.get("id").asString()).isEqualTo(rita.id().toString());
            assertThat(first.get("email").asString()).isEqualTo(rita.email());
            assertThat(first.get("username").asString()).isEqualTo("rita_" + tag);
            assertThat(Instant.parse(first.get("created_at").asString())).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
            JsonNode plan = first.get("subscription");
            assertThat(plan.propertyNames()).containsExactlyInAnyOrder("plan", "status", "started_at", "expires_at",
                    "auto_renew");
            assertThat(plan.get("plan").asString()).isEqualTo("VIP");
            assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(Instant.parse(plan.get("expires_at").asString())).isEqualTo(until);
            assertThat(plan.get("auto_renew").asBoolean()).isTrue();
            JsonNode second = page.get("items").get(1);
            assertThat(second.get("id").asString()).isEqualTo(sam.id().toString());
            assertThat(second.get("username").isNull()).as("no UserRegistered yet").isTrue();
            assertThat(second.path("subscription").path("plan").asString()).isEqualTo("FREE");

            JsonNode byUsername = asAdmin().get("/api/v1/admin/users?q=" + ("TA_" + tag).toUpperCase()).json();
            assertThat(byUsername.get("total_items").asLong()).isEqualTo(1);
            assertThat(byUsername.get("items").get(0).get("id").asString()).isEqualTo(rita.id().toString());
        }

        @Test
        void theMatchesArePagedByEmail() {
            String tag = uniqueTag();
            List<String> ids = new ArrayList<>();
            for (String name : List.of("e", "b", "d", "a", "c")) {
                AuthenticatedUser user = userWithEmail(name + "-" + tag + "@example.com");
                assertThat(as(user).get("/api/v1/users/me").status()).isEqualTo(200);
                ids.add(user.id().toString());
            }

            JsonNode first = asAdmin().get("/api/v1/admin/users?q=" + tag + "&size=2").json();
            JsonNode last = asAdmin().get("/api/v1/admin/users?q=" + tag + "&size=2&page=2").json();
            JsonNode beyond = asAdmin().get("/api/v1/admin/users?q=" + tag + "&size=2&page=3").json();

            assertThat(first.get("total_items").asLong()).isEqualTo(5);
            assertThat(first.get("total_pages").asInt()).isEqualTo(3);
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(emails(first)).containsExactly("a-" + tag + "@example.com", "b-" + tag + "@example.com");
            assertThat(last.get("page").asInt()).isEqualTo(2);
            assertThat(emails(last)).containsExactly("e-" + tag + "@example.com");
            assertThat(beyond.get("items").size()).isZero();
            assertThat(beyond.get("total_items").asLong()).isEqualTo(5);
        }

        @Test
        void percentAndUnderscoreInTheQueryMatchOnlyThemselves() {
            String tag = uniqueTag();
            AuthenticatedUser user = userWithEmail("wild-" + tag + "@example.com");
            assertThat(as(user).get("/api/v1/users/me").status()).isEqualTo(200);

            String percent = tag.substring(0, 3) + "%25" + tag.substring(4);
            String underscore = tag.substring(0, 3) + "_" + tag.substring(4);

            assertThat(asAdmin().get("/api/v1/admin/users?q=" + tag).json().get("total_items").asLong()).isEqualTo(1);
            assertThat(asAdmin().get("/api/v1/admin/users?q=" + percent).json().get("total_items").asLong()).isZero();
            assertThat(asAdmin().get("/api/v1/admin/users?q=" + underscore).json().get("total_items").asLong())
                    .isZero();
        }

        @Test
        void aUserWhoIsNotAdminGetsA403() {
            AuthenticatedUser tom = registeredUser("tom");

            ApiResponse response = as(tom).get("/api/v1/admin/users?q=tom");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(new UserApi(port, null).get("/api/v1/admin/users").status()).isEqualTo(401);
        }

        @Test
        void aBadQueryIs400NamingQAndBadPagingNamesItsParameter() {
            ApiResponse tooLong = asAdmin().get("/api/v1/admin/users?q=" + "x".repeat(101));

            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
            assertThat(tooLong.errorFields()).containsExactly("q");
            assertThat(asAdmin().get("/api/v1/admin/users?q=" + "x".repeat(100)).status()).isEqualTo(200);
            assertThat(asAdmin().get("/api/v1/admin/users?q=a%00b").errorFields()).containsExactly("q");
            assertThat(asAdmin().get("/api/v1/admin/users?page=-1").errorFields()).containsExactly("page");
            assertThat(asAdmin().get("/api/v1/admin/users?size=0").errorFields()).containsExactly("size");
            assertThat(asAdmin().get("/api/v1/admin/users?size=x").errorFields()).containsExactly("size");
        }

        private static String uniqueTag() {
            return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        }

        private static AuthenticatedUser userWithEmail(String email) {
            return new AuthenticatedUser(UUID.randomUUID(), email, Tier.FREE, Set.of("USER"));
        }

        private static List<String> emails(JsonNode page) {
            List<String> emails = new ArrayList<>();
            page.get("items").forEach(item -> emails.add(item.get("email").asString()));
            return emails;
        }
    }

    @Nested
    class Audit {

        @Test
        void auditEventsFromAnyServiceAreListedToTheirUserOnlyAndOnce() {
            AuthenticatedUser olga = newUser("olga");
            AuthenticatedUser paul = newUser("paul");
            AuditEvent login = AuditEvent.of(olga.id(), "LOGIN_SUCCEEDED", "SUCCESS", "203.0.113.9", "curl/8.5.0",
                    Map.of());
            publish(Topics.AUDIT, login);
            publish(Topics.AUDIT, login);
            publish(Topics.AUDIT, AuditEvent.of(paul.id(), "LOGIN_FAILED", "FAILURE", "198.51.100.4", "firefox",
                    Map.of("reason", "bad-credentials")));

            JsonNode olgas = awaitAuditEntry(olga, "LOGIN_SUCCEEDED");
            assertThat(olgas.get("ip").asString()).isEqualTo("203.0.113.9");
            assertThat(olgas.get("user_agent").asString()).isEqualTo("curl/8.5.0");
            assertThat(olgas.get("occurred_at").asString()).isNotBlank();
            JsonNode paulsPage = awaitAuditPage(paul, 1);
            assertThat(paulsPage.path("items").get(0).path("details").path("reason").asString())
                    .isEqualTo("bad-credentials");

            assertThat(as(olga).get("/api/v1/users/me/audit").json().get("total_items").asLong()).isEqualTo(1);
            assertThat(as(olga).get("/api/v1/users/me/audit").body()).doesNotContain("LOGIN_FAILED", "198.51.100.4");
            assertThat(as(paul).get("/api/v1/users/me/audit").body()).doesNotContain("LOGIN_SUCCEEDED");
        }

        @Test
        void theAuditLogIsPagedNewestFirst() {
            AuthenticatedUser quinn = newUser("quinn");
            Instant start = Instant.parse("2026-11-01T00:00:00Z");
            for (int i = 0; i < 5; i++) {
                publish(Topics.AUDIT, new AuditEvent(UUID.randomUUID(), AuditEvent.TYPE, 1, start.plusSeconds(i),
                        quinn.id(), "LOGIN_SUCCEEDED", "SUCCESS", "203.0.113." + i, "agent", Map.of()));
            }
            awaitAuditPage(quinn, 5);

            JsonNode first = as(quinn).get("/api/v1/users/me/audit?page=0&size=2").json();
            JsonNode last = as(quinn).get("/api/v1/users/me/audit?page=2&size=2").json();
            JsonNode oldestFirst = as(quinn).get("/api/v1/users/me/audit?sort=occurred_at,asc&size=1").json();

            assertThat(first.get("total_items").asLong()).isEqualTo(5);
            assertThat(first.get("total_pages").asInt()).isEqualTo(3);
            assertThat(first.get("page").asInt()).isZero();
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(first.get("items").get(0).get("ip").asString()).isEqualTo("203.0.113.4");
            assertThat(first.get("items").get(1).get("ip").asString()).isEqualTo("203.0.113.3");
            assertThat(last.get("items").size()).isEqualTo(1);
            assertThat(last.get("items").get(0).get("ip").asString()).isEqualTo("203.0.113.0");
            assertThat(oldestFirst.get("items").get(0).get("ip").asString()).isEqualTo("203.0.113.0");
            assertThat(as(quinn).get("/api/v1/users/me/audit?page=-1").errorFields()).containsExactly("page");
            assertThat(as(quinn).get("/api/v1/users/me/audit?size=500").errorFields()).containsExactly("size");
            assertThat(as(quinn).get("/api/v1/users/me/audit?sort=ip").errorFields()).containsExactly("sort");
            assertThat(as(quinn).get("/api/v1/users/me/audit?page=x").errorFields()).containsExactly("page");
        }
    }

    // --- helpers

    private static AuthenticatedUser newUser(String name) {
        return new AuthenticatedUser(UUID.randomUUID(), name + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com", Tier.FREE, Set.of("USER"));
    }

    /** A user whose profile exists (created by a first request, as when the event is late). */
    private AuthenticatedUser registeredUser(String name) {
        AuthenticatedUser user = newUser(name);
        assertThat(as(user).get("/api/v1/users/me").status()).isEqualTo(200);
        return user;
    }

    private static UserRegistered registered(AuthenticatedUser user, String username) {
        return UserRegistered.of(user.id(), user.email(), username, List.of("USER"), "FREE",
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    private UserApi as(AuthenticatedUser user) {
        return new UserApi(port, issuer().token(user));
    }

    private UserApi asAdmin() {
        return as(new AuthenticatedUser(UUID.randomUUID(), "admin@example.com", Tier.FREE, Set.of("USER", "ADMIN")));
    }

    private void publish(String topic, DomainEvent event) {
        producer.send(new ProducerRecord<>(topic, event.partitionKey(), EventJson.write(event)));
        producer.flush();
    }

    private long profileCount(UUID id) {
        return jdbc.sql("SELECT count(*) FROM user_profiles WHERE id = ?").param(id).query(Long.class).single();
    }

    private Map<String, Object> rowOf(UUID id) {
        return jdbc.sql("SELECT p.email, p.username, p.created_at, p.updated_at, s.plan, s.status, s.started_at, "
                + "s.updated_at AS s_updated, f.timezone, f.updated_at AS f_updated FROM user_profiles p "
                + "JOIN subscriptions s ON s.user_id = p.id JOIN user_preferences f ON f.user_id = p.id WHERE p.id = ?")
                .param(id).query().singleRow();
    }

    private JsonNode awaitAuditEntry(AuthenticatedUser user, String action) {
        return awaitAuditEntry(user, action, null);
    }

    private JsonNode awaitAuditEntry(AuthenticatedUser user, String action, String changedBy) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found.clear();
            as(user).get("/api/v1/users/me/audit?size=50").json().path("items").forEach(item -> {
                if (item.path("action").asString().equals(action) && (changedBy == null
                        || changedBy.equals(item.path("details").path("changed_by").asString()))) {
                    found.add(item);
                }
            });
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private JsonNode awaitAuditPage(AuthenticatedUser user, int entries) {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> as(user).get("/api/v1/users/me/audit").json().path("total_items").asLong() == entries);
        return as(user).get("/api/v1/users/me/audit").json();
    }
}
