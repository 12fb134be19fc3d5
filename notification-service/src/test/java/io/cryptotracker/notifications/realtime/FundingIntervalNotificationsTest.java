package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.FundingIntervalChanged;
import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.notifications.inbox.NotificationIds;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.KafkaRecords;
import io.cryptotracker.testsupport.TestJwtIssuer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Funding interval changes on real servers (embedded Kafka and PostgreSQL, the service on Reactor Netty, real
 * WebSocket clients): users and preferences published as user-service does, {@code FundingIntervalChanged} on the
 * market topic as market-service's outbox relay sends it (with its {@code event_type} header), the history over HTTP.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "notifications.inbox.free-delay=PT15M")
class FundingIntervalNotificationsTest {

    private static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** This context's own shared group: the broker is shared by the JVM's test classes. */
    private static final String GROUP = "notification-service-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Autowired
    FundingIntervalSockets sockets;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    /** This test's users: other test classes of the JVM published users of their own, who may match too. */
    List<UUID> users = List.of();

    @Test
    void usersWhoseFundingPreferencesMatchAreNotifiedAndAVipSocketGetsTheFrameAtOnce() throws Exception {
        // the group reads from the beginning: other test classes' users and signals come first
        KafkaRecords.awaitCaughtUp(GROUP, Topics.USERS, Topics.SIGNALS);
        UUID vip = user(Tier.VIP, List.of("funding-rate"), List.of(), List.of());
        UUID free = user(Tier.FREE, List.of(), List.of("PEPE"), List.of());
        UUID otherKinds = user(Tier.VIP, List.of("mexc-dex", "mexc-spot-futures"), List.of(), List.of());
        UUID denied = user(Tier.VIP, List.of(), List.of(), List.of("PEPE/USDT"));
        users = List.of(vip, free, otherKinds, denied);
        await().atMost(Duration.ofSeconds(20)).until(sockets::assigned);

        try (SocketClient vipSocket = SocketClient.connect(port, token(vip));
                SocketClient deniedSocket = SocketClient.connect(port, token(denied))) {
            Instant detectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            FundingIntervalChanged change = FundingIntervalChanged.of("bybit", "PEPE/USDT", "1000PEPEUSDT", 8, 4,
                    new BigDecimal("0.0001"), new BigDecimal("0.0002"), new BigDecimal("10.95"),
                    new BigDecimal("21.9"), Instant.parse("2026-12-04T00:00:00Z"), detectedAt);
            publish(change);

            JsonNode frame = vipSocket.await(f -> "notification".equals(f.path("type").asString()));
            assertThat(frame.path("id").asString()).isEqualTo(NotificationIds.of(vip, change.eventId()).toString());
            assertThat(frame.path("category").asString()).isEqualTo("funding-interval");
            assertThat(frame.path("kind").asString()).isEqualTo("funding-rate");
            assertThat(frame.path("symbol").asString()).isEqualTo("PEPE/USDT");
            assertThat(frame.path("signal_id").isNull()).isTrue();
            assertThat(frame.path("title").asString()).isEqualTo("PEPE/USDT funding on Bybit now every 4 h (was 8 h)");
            assertThat(frame.path("body").asString()).isEqualTo("At the current rate of 0.01% per settlement that is "
                    + "21.9% a year instead of 10.95% (0.02% per 8 h). Next funding 2026-12-04 00:00 UTC.");
            assertThat(frame.path("browser").asBoolean()).isTrue();
            assertThat(frame.path("interval_hours").asInt()).isEqualTo(4);

            await().atMost(Duration.ofSeconds(20)).until(() -> stored(change).size() == 2);
            Map<UUID, Instant> visible = stored(change);
            assertThat(visible).containsOnlyKeys(vip, free);
            assertThat(visible.get(free)).isEqualTo(detectedAt.plus(Duration.ofMinutes(15)));
            assertThat(visible.get(vip)).isBefore(detectedAt.plus(Duration.ofMinutes(1)));

            // the denied VIP's socket answers a ping sent after the change reached every socket, without a frame
            deniedSocket.send("{\"type\":\"ping\"}");
            deniedSocket.await(f -> "pong".equals(f.path("type").asString()));
            assertThat(deniedSocket.ofType("notification")).isEmpty();

            JsonNode history = JSON.readTree(get("/api/v1/notifications", vip).body());
            JsonNode item = null;
            for (JsonNode candidate : history.path("items")) {
                item = frame.path("id").asString().equals(candidate.path("id").asString()) ? candidate : item;
            }
            assertThat(item).as("the stored notification in the VIP's history").isNotNull();
            assertThat(item.path("id").asString()).isEqualTo(frame.path("id").asString());
            assertThat(item.path("category").asString()).isEqualTo("funding-interval");
            assertThat(item.path("signal_id").isNull()).isTrue();
            assertThat(item.path("spread_percent").isNull()).isTrue();
            assertThat(item.path("title").asString()).isEqualTo(frame.path("title").asString());
            assertThat(JSON.readTree(get("/api/v1/notifications", free).body()).path("total_items").asInt())
                    .as("a FREE user's notification waits for the free delay").isZero();

            // redelivered, then a later change of the same symbol (same partition): the first is stored once
            publish(change);
            FundingIntervalChanged next = FundingIntervalChanged.of("bybit", "PEPE/USDT", "1000PEPEUSDT", 4, 1,
                    null, null, null, null, null, detectedAt.plusSeconds(60));
            publish(next);
            await().atMost(Duration.ofSeconds(20)).until(() -> stored(next).size() == 2);
            assertThat(stored(change)).hasSize(2);
            assertThat(jdbc.sql("SELECT body FROM notifications WHERE event_id = :event AND user_id = :user")
                    .param("event", next.eventId()).param("user", vip).query(String.class).single())
                    .isEqualTo("At the same rate per settlement the APR is 4 times what it was.");
        }
    }

    /** User id to visible_at of the notifications stored for the change, for this test's users. */
    private Map<UUID, Instant> stored(FundingIntervalChanged change) {
        return jdbc.sql("SELECT user_id, visible_at FROM notifications WHERE event_id = :event AND user_id IN (:users)")
                .param("event", change.eventId()).param("users", users)
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A registered user of this tier and preferences, once this replica's directory knows them. */
    private UUID user(Tier tier, List<String> kinds, List<String> allow, List<String> deny) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        send(Topics.USERS, UserRegistered.of(id, id + "@example.com", "u" + id.toString().substring(0, 8),
                List.of("USER"), "FREE", now));
        if (tier == Tier.VIP) {
            send(Topics.USERS, SubscriptionChanged.of(id, "VIP", "ACTIVE", "VIP", now, null, true));
        }
        send(Topics.USERS, PreferencesChanged.of(id, new PreferencesChanged.Channels(true, false, true), kinds,
                new BigDecimal("5"), allow, deny, null, "UTC"));
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(id)
                .filter(view -> view.tier() == tier && view.prefs().kinds().equals(kinds)
                        && view.prefs().symbolsDeny().equals(deny))
                .isPresent());
        return id;
    }

    private void publish(FundingIntervalChanged change) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.MARKET, change.partitionKey(),
                EventJson.write(change));
        record.headers().add("event_type", change.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event_id", change.eventId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void send(String topic, DomainEvent event) {
        try {
            kafka.send(topic, event.partitionKey(), EventJson.write(event)).get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> get(String path, UUID user) throws Exception {
        Tier tier = directory.find(user).orElseThrow().tier();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ISSUER.token(new AuthenticatedUser(user, user + "@example.com",
                        tier, Set.of("USER"))))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(UUID user) {
        return ISSUER.token(new AuthenticatedUser(user, user + "@example.com", Tier.VIP, Set.of("USER")));
    }
}
