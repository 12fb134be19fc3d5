package io.cryptotracker.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.PreferencesChanged;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.events.UserRegistered;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.KafkaRecords;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.TestJwtIssuer;
import io.cryptotracker.notifications.email.EmailDispatcher;
import io.cryptotracker.notifications.users.Preferences;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.notifications.users.UserView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The stored-notification and email half of notification-service on real servers: embedded Kafka and PostgreSQL,
 * events published the way user-service and signals-service publish them, the HTTP API over real HTTP with tokens
 * of a test issuer, and GreenMail as the SMTP server. Time is a {@link MutableClock} moved by hand; the email
 * dispatcher's schedule is an hour, so each test runs its rounds itself. One application context for all of it.
 */
@EmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIntegrationTest {

    static final TestJwtIssuer ISSUER = new TestJwtIssuer();
    static final int SMTP_PORT = freePort();
    static final MutableClock CLOCK = MutableClock.Config.CLOCK;
    /** This context's own consumer group: the broker and its topics are shared by the JVM's test classes. */
    static final String GROUP = "notification-service-it-" + UUID.randomUUID();
    static volatile GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.security.jwks-uri", ISSUER::jwksUri);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("notifications.inbox.free-delay", () -> "PT15M");
        registry.add("notifications.email.enabled", () -> "true");
        registry.add("notifications.email.poll-interval", () -> "PT1H");
        registry.add("notifications.email.batch-window", () -> "PT1M");
        registry.add("notifications.email.digest-after", () -> "3");
        registry.add("notifications.email.max-per-hour", () -> "4");
        registry.add("notifications.email.retry-backoff", () -> "PT30S");
        registry.add("notifications.email.from", () -> "CryptoTracker <alerts@cryptotracker.test>");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Autowired
    EmailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationRetention retention;

    @Autowired
    MeterRegistry meters;

    KafkaProducer<String, String> producer;

    @BeforeAll
    void openProducerAfterTheBacklog() {
        // the group reads from the beginning: other test classes' users and signals come first, and a user a test
        // registers must not meet their signals while it still has the default (match-everything) preferences
        KafkaRecords.awaitCaughtUp(GROUP, Topics.USERS, Topics.SIGNALS);
        producer = KafkaRecords.producer();
    }

    @AfterAll
    void closeAll() {
        producer.close();
        smtp.stop();
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Projection {

        @Test
        void registrationTierAndPreferencesAreProjectedIntoMemoryAndTheTable() {
            UUID id = UUID.randomUUID();
            publish(Topics.USERS, UserRegistered.of(id, "p1@example.com", "p1", List.of("USER"), "FREE",
                    Instant.now()));
            publish(Topics.USERS, SubscriptionChanged.of(id, "VIP", "ACTIVE", "VIP", Instant.now(), null, true));
            publish(Topics.USERS, preferences(id, prefs(true, "2.5", List.of("AAA/USDT"), null, "Asia/Tokyo")));

            await().untilAsserted(() -> {
                UserView view = directory.find(id).orElseThrow();
                assertThat(view.email()).isEqualTo("p1@example.com");
                assertThat(view.tier()).isEqualTo(Tier.VIP);
                assertThat(view.prefs().minSpreadPercent()).isEqualByComparingTo("2.5");
                assertThat(view.prefs().timezone()).isEqualTo("Asia/Tokyo");
            });
            await().untilAsserted(() -> assertThat(jdbc.sql("SELECT tier || ' ' || email || ' ' || "
                    + "(prefs ->> 'timezone') FROM user_projection WHERE user_id = :id").param("id", id)
                    .query(String.class).optional()).contains("VIP p1@example.com Asia/Tokyo"));

            // a new replica's directory, loaded from the table, knows the same
            UserDirectory reloaded = new UserDirectory(jdbc);
            reloaded.afterSingletonsInstantiated();
            assertThat(reloaded.find(id)).isEqualTo(directory.find(id));
            assertThat(directory.find(UUID.randomUUID())).isEmpty();
        }

        @Test
        void anOlderOrRepeatedEventChangesNothingANewerOneSet() {
            UUID id = UUID.randomUUID();
            Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
            SubscriptionChanged upgrade = new SubscriptionChanged(UUID.randomUUID(), SubscriptionChanged.TYPE, 1,
                    t.plusSeconds(2), id, "VIP", "ACTIVE", "VIP", t, null, true);
            SubscriptionChanged olderDowngrade = new SubscriptionChanged(UUID.randomUUID(), SubscriptionChanged.TYPE,
                    1, t.plusSeconds(1), id, "FREE", "ENDED", "FREE", t, null, false);
            PreferencesChanged newer = withTime(preferences(id, prefs(false, "4", List.of(), null, "UTC")),
                    t.plusSeconds(2));
            PreferencesChanged older = withTime(preferences(id, prefs(false, "1", List.of(), null, "UTC")),
                    t.plusSeconds(1));

            publish(Topics.USERS, upgrade);
            publish(Topics.USERS, newer);
            publish(Topics.USERS, olderDowngrade);
            publish(Topics.USERS, older);
            publish(Topics.USERS, upgrade); // redelivered
            // same key, same partition: once the registration is in, everything before it was handled
            publish(Topics.USERS, UserRegistered.of(id, "p2@example.com", "p2", List.of("USER"), "FREE", t));

            await().untilAsserted(() -> assertThat(jdbc.sql("SELECT email FROM user_projection WHERE user_id = :id")
                    .param("id", id).query(String.class).optional()).contains("p2@example.com"));
            UserView view = directory.find(id).orElseThrow();
            assertThat(view.tier()).isEqualTo(Tier.VIP);
            assertThat(view.tierChangedAt()).isEqualTo(t.plusSeconds(2));
            assertThat(view.prefs().minSpreadPercent()).isEqualByComparingTo("4");
            String stored = jdbc.sql("SELECT tier || ' ' || (prefs ->> 'min_spread_percent') FROM user_projection "
                    + "WHERE user_id = :id").param("id", id).query(String.class).single();
            assertThat(stored).isEqualTo("VIP 4");
            assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                    .param("id", upgrade.eventId()).query(Long.class).single()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class History {

        @Test
        void aSignalIsStoredOnlyForUsersWhoseFiltersMatchAndOnlyOnce() {
            String symbol = symbol();
            UUID vip = user(Tier.VIP, prefs(false, "1", List.of(symbol), null, "UTC"));
            UUID free = user(Tier.FREE, prefs(false, "1", List.of(symbol), null, "UTC"));
            UUID tooHigh = user(Tier.VIP, prefs(false, "5", List.of(symbol), null, "UTC"));
            UUID otherSymbol = user(Tier.VIP, prefs(false, "1", List.of(symbol()), null, "UTC"));
            UUID denied = user(Tier.VIP, new Preferences(new Preferences.Channels(true, false, true), List.of(),
                    BigDecimal.ONE, List.of(), List.of(symbol), null, "UTC"));
            UUID otherKind = user(Tier.VIP, new Preferences(new Preferences.Channels(true, false, true),
                    List.of(SignalData.MEXC_DEX), BigDecimal.ONE, List.of(symbol), List.of(), null, "UTC"));

            SignalCreated created = signal(symbol, "2.5");
            publish(Topics.SIGNALS, created);
            publish(Topics.SIGNALS, created); // redelivered

            await().until(() -> stored(vip) == 1 && stored(free) == 1);
            assertThat(stored(tooHigh) + stored(otherSymbol) + stored(denied) + stored(otherKind)).isZero();
            JsonNode page = as(vip).get("/api/v1/notifications").json();
            JsonNode item = page.get("items").get(0);
            assertThat(item.get("id").asString()).isEqualTo(NotificationIds.of(vip, created.eventId()).toString());
            assertThat(item.get("signal_id").asString()).isEqualTo(created.signalId().toString());
            assertThat(item.get("kind").asString()).isEqualTo(SignalData.FUNDING_RATE);
            assertThat(item.get("symbol").asString()).isEqualTo(symbol);
            assertThat(item.get("spread_percent").decimalValue()).isEqualByComparingTo("2.5");
            assertThat(item.get("title").asString()).isEqualTo("Funding rate " + symbol + ": 2.5% spread");
            assertThat(item.get("read").asBoolean()).isFalse();
            assertThat(page.get("unread_count").asLong()).isEqualTo(1);
            assertThat(meters.counter("notifications.stored").count()).isPositive();
        }

        @Test
        void aSignalThatMustNotAlertStoresNoNotificationAndQueuesNoEmail() {
            String symbol = symbol();
            UUID vip = user(Tier.VIP, prefs(true, "1", List.of(symbol), null, "UTC"));
            UUID free = user(Tier.FREE, prefs(false, "1", List.of(symbol), null, "UTC"));
            SignalCreated closedRoute = notAlertable(signal(symbol, "4"));
            SignalCreated alertable = signal(symbol, "3");
            // the same key as the first: one partition, so once the second is stored the first has been handled
            publish(Topics.SIGNALS, closedRoute);
            publishKeyed(closedRoute.partitionKey(), alertable);

            await().until(() -> stored(vip) == 1 && stored(free) == 1 && queued(vip) == 1);
            assertThat(jdbc.sql("SELECT DISTINCT signal_id FROM notifications WHERE user_id IN (:u)")
                    .param("u", List.of(vip, free)).query(UUID.class).list())
                    .containsExactly(alertable.signalId());
            assertThat(spreads(as(vip).get("/api/v1/notifications").json())).containsExactly("3");
        }

        @Test
        void aFreeUsersNotificationBecomesVisibleAfterTheDelay() {
            String symbol = symbol();
            UUID free = user(Tier.FREE, prefs(false, "1", List.of(symbol), null, "UTC"));
            publish(Topics.SIGNALS, signal(symbol, "3"));
            await().until(() -> stored(free) == 1);

            ApiResponse early = as(free).get("/api/v1/notifications");
            assertThat(early.json().get("total_items").asLong()).isZero();
            assertThat(early.json().get("unread_count").asLong()).isZero();
            UUID id = jdbc.sql("SELECT id FROM notifications WHERE user_id = :u").param("u", free)
                    .query(UUID.class).single();
            assertThat(as(free).post("/api/v1/notifications/" + id + "/read").status()).isEqualTo(404);

            CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));

            ApiResponse later = as(free).get("/api/v1/notifications");
            assertThat(later.json().get("total_items").asLong()).isEqualTo(1);
            assertThat(later.json().get("unread_count").asLong()).isEqualTo(1);
        }

        @Test
        void historyPagesNewestFirstCountsUnreadAndMarksRead() {
            String symbol = symbol();
            UUID vip = user(Tier.VIP, prefs(false, "1", List.of(symbol), null, "UTC"));
            for (int i = 1; i <= 5; i++) {
                CLOCK.advance(Duration.ofSeconds(1));
                publish(Topics.SIGNALS, signal(symbol, i + ".5"));
            }
            await().until(() -> stored(vip) == 5);
            NotificationsApi api = as(vip);

            JsonNode first = api.get("/api/v1/notifications?size=2").json();
            assertThat(first.get("total_items").asLong()).as(first.toString()).isEqualTo(5);
            assertThat(first.get("total_pages").asInt()).isEqualTo(3);
            assertThat(first.get("page").asInt()).isZero();
            assertThat(first.get("size").asInt()).isEqualTo(2);
            assertThat(spreads(first)).containsExactly("5.5", "4.5");
            assertThat(spreads(api.get("/api/v1/notifications?size=2&page=2").json())).containsExactly("1.5");
            assertThat(spreads(api.get("/api/v1/notifications?sort=spread_percent,asc&size=3").json()))
                    .containsExactly("1.5", "2.5", "3.5");
            assertThat(first.get("unread_count").asLong()).isEqualTo(5);

            String newest = first.get("items").get(0).get("id").asString();
            assertThat(api.post("/api/v1/notifications/" + newest + "/read").status()).isEqualTo(204);
            assertThat(api.post("/api/v1/notifications/" + newest + "/read").status()).isEqualTo(204);

            JsonNode after = api.get("/api/v1/notifications").json();
            assertThat(after.get("unread_count").asLong()).isEqualTo(4);
            assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();
            assertThat(after.get("items").get(0).get("read_at").asString()).isNotBlank();
            JsonNode unread = api.get("/api/v1/notifications?unread=true").json();
            assertThat(unread.get("total_items").asLong()).isEqualTo(4);
            assertThat(spreads(unread)).doesNotContain("5.5");

            assertThat(api.post("/api/v1/notifications/read-all").json().get("marked_read").asInt()).isEqualTo(4);
            assertThat(api.get("/api/v1/notifications").json().get("unread_count").asLong()).isZero();
        }

        @Test
        void someoneElsesOrAnUnknownNotificationIsA404Problem() {
            String symbol = symbol();
            UUID owner = user(Tier.VIP, prefs(false, "1", List.of(symbol), null, "UTC"));
            UUID other = user(Tier.VIP, prefs(false, "1", List.of(symbol()), null, "UTC"));
            SignalCreated created = signal(symbol, "2");
            publish(Topics.SIGNALS, created);
            await().until(() -> stored(owner) == 1);
            String id = NotificationIds.of(owner, created.eventId()).toString();

            ApiResponse foreign = as(other).post("/api/v1/notifications/" + id + "/read");
            ApiResponse unknown = as(other).post("/api/v1/notifications/" + UUID.randomUUID() + "/read");
            ApiResponse garbage = as(other).post("/api/v1/notifications/not-an-id/read");

            for (ApiResponse response : List.of(foreign, unknown, garbage)) {
                assertThat(response.status()).as(response.body()).isEqualTo(404);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(as(owner).get("/api/v1/notifications").json().get("unread_count").asLong()).isEqualTo(1);
            assertThat(as(other).get("/api/v1/notifications").json().get("total_items").asLong()).isZero();
        }

        @Test
        void notificationsOlderThanTheRetentionAreRemovedAndOldSignalsAreNotEmailed() {
            String symbol = symbol();
            UUID vip = user(Tier.VIP, prefs(true, "1", List.of(symbol), null, "UTC"));
            publish(Topics.SIGNALS, signal(symbol, "2", CLOCK.instant().minus(Duration.ofDays(91))));
            publish(Topics.SIGNALS, signal(symbol, "3"));
            await().until(() -> stored(vip) == 2 && queued(vip) == 1); // too old to email

            assertThat(retention.removeExpired()).isPositive();

            assertThat(stored(vip)).isEqualTo(1);
            assertThat(queued(vip)).isEqualTo(1);
            assertThat(status(vip)).containsExactly("PENDING");
            assertThat(spreads(as(vip).get("/api/v1/notifications").json())).containsExactly("3");
        }

        @Test
        void malformedParametersAreA400NamingThem() {
            NotificationsApi api = as(UUID.randomUUID());

            ApiResponse response = api.get("/api/v1/notifications?page=x&size=1000&unread=maybe");
            ApiResponse sort = api.get("/api/v1/notifications?sort=title,sideways");

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.errorFields()).containsExactlyInAnyOrder("page", "unread");
            assertThat(api.get("/api/v1/notifications?size=1000").errorFields()).containsExactly("size");
            assertThat(sort.status()).isEqualTo(400);
            assertThat(sort.errorFields()).containsExactly("sort");
        }

        @Test
        void aLongQueryReachesTheHandlerAndIsA400NamingTheParameter() {
            ApiResponse response = as(UUID.randomUUID()).get("/api/v1/notifications?unread=" + "x".repeat(10_000));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.errorFields()).containsExactly("unread");
        }

        @Test
        void withoutATokenTheHistoryIsA401Problem() {
            ApiResponse list = new NotificationsApi(port, null).get("/api/v1/notifications");
            ApiResponse read = new NotificationsApi(port, null).post("/api/v1/notifications/" + UUID.randomUUID()
                    + "/read");

            assertThat(list.status()).as(list.body() + list.raw().headers()).isEqualTo(401);
            assertThat(list.header("Content-Type")).startsWith("application/problem+json");
            assertThat(read.status()).isEqualTo(401);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Email {

        @Test
        void oneSignalMakesOneLinkFreePlainTextEmailAfterTheBatchWindow() throws Exception {
            String symbol = symbol();
            String address = address();
            UUID vip = user(Tier.VIP, address, prefs(true, "1", List.of(symbol), null, "Europe/Berlin"));
            UUID freeWithEmail = user(Tier.FREE, address(), prefs(true, "1", List.of(symbol), null, "UTC"));
            publish(Topics.SIGNALS, signal(symbol, "2.75"));
            await().until(() -> queued(vip) == 1 && stored(freeWithEmail) == 1);
            assertThat(queued(freeWithEmail)).isZero();

            runRound(); // the batch window has not passed yet
            assertThat(mailsTo(address)).isEmpty();
            CLOCK.advance(Duration.ofSeconds(61));
            runRound();

            List<MimeMessage> mails = mailsTo(address);
            assertThat(mails).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject()).isEqualTo("CryptoTracker: Funding rate " + symbol + ": 2.75% spread");
            assertThat(mail.getFrom()[0].toString()).contains("alerts@cryptotracker.test");
            String body = part(mail, "text/plain");
            assertThat(body).contains("Symbol: " + symbol, "Spread: 2.75%", "Kind: Funding rate", "(Europe/Berlin)",
                    "Long on binance, short on bybit.").doesNotContain("http");
            assertThat(part(mail, "text/html")).contains(symbol, "2.75%", "Funding rate").doesNotContain("http",
                    "<a ", "<img", "<script");
            assertThat(status(vip)).containsExactly("SENT");
            assertThat(meters.counter("notifications.email.sent", "kind", "single").count()).isPositive();

            runRound();
            assertThat(mailsTo(address)).hasSize(1);
        }

        @Test
        void manySignalsAtOnceMakeOneDigest() throws Exception {
            String symbol = symbol();
            String address = address();
            UUID vip = user(Tier.VIP, address, prefs(true, "1", List.of(symbol), null, "UTC"));
            for (int i = 0; i < 5; i++) {
                publish(Topics.SIGNALS, signal(symbol, "2." + i));
            }
            await().until(() -> queued(vip) == 5);
            CLOCK.advance(Duration.ofSeconds(61));

            runRound();

            List<MimeMessage> mails = mailsTo(address);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("CryptoTracker: 5 new signals");
            assertThat(part(mails.get(0), "text/plain")).contains(symbol + "  spread 2.4%", "spread 2%");
            assertThat(part(mails.get(0), "text/html")).contains("2.4%").doesNotContain("http");
            assertThat(status(vip)).containsOnly("SENT").hasSize(5);
            assertThat(meters.counter("notifications.email.sent", "kind", "digest").count()).isPositive();
        }

        @Test
        void quietHoursHoldEmailUntilTheyEndThenItIsSent() throws Exception {
            String symbol = symbol();
            String address = address();
            ZoneId tokyo = ZoneId.of("Asia/Tokyo");
            LocalTime local = CLOCK.instant().atZone(tokyo).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            Preferences quiet = new Preferences(new Preferences.Channels(true, true, true), List.of(),
                    BigDecimal.ONE, List.of(symbol), List.of(),
                    new Preferences.QuietHours(local.minusMinutes(30), local.plusHours(2)), "Asia/Tokyo");
            UUID vip = user(Tier.VIP, address, quiet);
            publish(Topics.SIGNALS, signal(symbol, "3"));
            await().until(() -> queued(vip) == 1);

            CLOCK.advance(Duration.ofSeconds(61));
            runRound();
            assertThat(mailsTo(address)).isEmpty();
            assertThat(status(vip)).containsExactly("PENDING");

            CLOCK.advance(Duration.ofHours(2));
            runRound();

            assertThat(mailsTo(address)).hasSize(1);
            assertThat(status(vip)).containsExactly("SENT");
        }

        @Test
        void noUserGetsMoreThanTheHourlyRateAndTheRestFollowsAsADigest() throws Exception {
            String symbol = symbol();
            String address = address();
            UUID vip = user(Tier.VIP, address, prefs(true, "1", List.of(symbol), null, "UTC"));
            Instant firstSent = null;
            for (int i = 1; i <= 4; i++) {
                publish(Topics.SIGNALS, signal(symbol, i + ".1"));
                int queuedSoFar = i;
                await().until(() -> queued(vip) == queuedSoFar);
                CLOCK.advance(Duration.ofSeconds(61));
                firstSent = firstSent == null ? CLOCK.instant() : firstSent;
                runRound();
                assertThat(mailsTo(address)).hasSize(i);
            }
            publish(Topics.SIGNALS, signal(symbol, "5.1"));
            publish(Topics.SIGNALS, signal(symbol, "6.1"));
            await().until(() -> queued(vip) == 6);
            CLOCK.advance(Duration.ofSeconds(61));
            runRound();
            assertThat(mailsTo(address)).hasSize(4); // the hour's four are used up
            assertThat(status(vip)).containsOnly("SENT", "PENDING").filteredOn("PENDING"::equals).hasSize(2);

            // an hour after the first email one more is allowed: both pending ones go together
            CLOCK.advance(Duration.between(CLOCK.instant(), firstSent.plus(Duration.ofHours(1))).plusSeconds(1));
            runRound();

            List<MimeMessage> mails = mailsTo(address);
            assertThat(mails).hasSize(5);
            assertThat(mails.get(4).getSubject()).isEqualTo("CryptoTracker: 2 new signals");
            assertThat(status(vip)).containsOnly("SENT");
        }

        @Test
        void whenSmtpIsDownNothingIsLostAndTheEmailGoesOnceWhenItIsBack() throws Exception {
            String symbol = symbol();
            String address = address();
            UUID vip = user(Tier.VIP, address, prefs(true, "1", List.of(symbol), null, "UTC"));
            publish(Topics.SIGNALS, signal(symbol, "2.2"));
            await().until(() -> queued(vip) == 1);
            CLOCK.advance(Duration.ofSeconds(61));
            double failuresBefore = meters.counter("notifications.email.failures").count();

            smtp.stop();
            try {
                // a round stops at its first failure, which may be another test's user: until this user's turn
                await().until(() -> {
                    runRound();
                    return attempts(vip) > 0;
                });
                assertThat(meters.counter("notifications.email.failures").count()).isGreaterThan(failuresBefore);
                assertThat(status(vip)).containsExactly("PENDING");
            }
            finally {
                smtp = startSmtp();
            }
            runRound(); // still in the retry wait
            assertThat(mailsTo(address)).isEmpty();

            CLOCK.advance(Duration.ofSeconds(31));
            runRound();
            runRound();

            assertThat(mailsTo(address)).hasSize(1);
            assertThat(status(vip)).containsExactly("SENT");
        }

        @Test
        void anAddressThatCannotBeOneIsNotRetriedAndOthersStillGetTheirs() throws Exception {
            String symbol = symbol();
            String address = address();
            UUID broken = user(Tier.VIP, "no-at-sign", prefs(true, "1", List.of(symbol), null, "UTC"));
            UUID fine = user(Tier.VIP, address, prefs(true, "1", List.of(symbol), null, "UTC"));
            double failuresBefore = meters.counter("notifications.email.failures").count();
            publish(Topics.SIGNALS, signal(symbol, "2.2"));
            await().until(() -> queued(broken) == 1 && queued(fine) == 1);
            CLOCK.advance(Duration.ofSeconds(61));

            runRound();

            assertThat(status(broken)).containsExactly("REJECTED");
            assertThat(status(fine)).containsExactly("SENT");
            assertThat(mailsTo(address)).hasSize(1);
            assertThat(meters.counter("notifications.email.failures").count()).isGreaterThan(failuresBefore);
        }

        @Test
        void aUserWhoTurnedEmailOffOrLostVipGetsNoneOfThePendingOnes() throws Exception {
            String symbol = symbol();
            String address = address();
            UUID vip = user(Tier.VIP, address, prefs(true, "1", List.of(symbol), null, "UTC"));
            publish(Topics.SIGNALS, signal(symbol, "2.2"));
            await().until(() -> queued(vip) == 1);
            publish(Topics.USERS, preferences(vip, prefs(false, "1", List.of(symbol), null, "UTC")));
            await().until(() -> !directory.find(vip).orElseThrow().prefs().channels().email());
            CLOCK.advance(Duration.ofSeconds(61));

            runRound();

            assertThat(mailsTo(address)).isEmpty();
            assertThat(status(vip)).containsExactly("SKIPPED");
            assertThat(meters.find("notifications.email.pending").gauge()).isNotNull();
        }
    }

    @Test
    void metricsKeepTheirContractNames() {
        NotificationsApi anonymous = new NotificationsApi(port, null);

        String metrics = anonymous.get("/actuator/prometheus").body();

        assertThat(metrics).contains("notifications_stored_total", "notifications_email_pending",
                "notifications_email_sent_total{", "kind=\"digest\"", "kind=\"single\"",
                "notifications_email_failures_total");
    }

    // ---------------------------------------------------------------------------------------------------------

    void publish(String topic, DomainEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.partitionKey(), EventJson.write(event))).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** {@code event} sent under another signal's key, so both land on one partition in this order. */
    void publishKeyed(String key, DomainEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.SIGNALS, key, EventJson.write(event))).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    UUID user(Tier tier, Preferences prefs) {
        return user(tier, address(), prefs);
    }

    /** A user as user-service announces one: registered, a plan, preferences; returned once projected. */
    UUID user(Tier tier, String email, Preferences prefs) {
        UUID id = UUID.randomUUID();
        publish(Topics.USERS, UserRegistered.of(id, email, "u" + id, List.of("USER"), "FREE", Instant.now()));
        if (tier == Tier.VIP) {
            publish(Topics.USERS, SubscriptionChanged.of(id, "VIP", "ACTIVE", "VIP", Instant.now(), null, true));
        }
        publish(Topics.USERS, preferences(id, prefs));
        await().until(() -> directory.find(id).filter(view -> view.tier() == tier && view.email() != null
                && view.prefs().equals(prefs)).isPresent());
        return id;
    }

    static Preferences prefs(boolean email, String min, List<String> allow, Preferences.QuietHours quiet,
            String zone) {
        return new Preferences(new Preferences.Channels(true, email, true), List.of(), new BigDecimal(min), allow,
                List.of(), quiet, zone);
    }

    static PreferencesChanged preferences(UUID id, Preferences prefs) {
        return PreferencesChanged.of(id, new PreferencesChanged.Channels(prefs.channels().browser(),
                prefs.channels().email(), prefs.channels().sound()), prefs.kinds(), prefs.minSpreadPercent(),
                prefs.symbolsAllow(), prefs.symbolsDeny(), prefs.quietHours() == null ? null
                        : new PreferencesChanged.QuietHours(prefs.quietHours().start(), prefs.quietHours().end()),
                prefs.timezone());
    }

    static PreferencesChanged withTime(PreferencesChanged event, Instant at) {
        return new PreferencesChanged(UUID.randomUUID(), PreferencesChanged.TYPE, 1, at, event.userId(),
                event.channels(), event.kinds(), event.minSpreadPercent(), event.symbolsAllow(), event.symbolsDeny(),
                event.quietHours(), event.timezone());
    }

    /** A funding-rate signal as signals-service announces it, detected now by the test clock. */
    static SignalCreated signal(String symbol, String spread) {
        return signal(symbol, spread, CLOCK.instant());
    }

    static SignalCreated signal(String symbol, String spread, Instant now) {
        SignalData data = new SignalData(UUID.randomUUID(), SignalData.FUNDING_RATE, symbol, new BigDecimal(spread),
                new BigDecimal(spread), new BigDecimal(spread), "OPEN", "DETECTOR", now, now, null, null,
                new SignalData.Funding("binance", "bybit", null, null, null, null, 8, 8, null, null, null, null,
                        null), null, null);
        return SignalCreated.of(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), data, now);
    }

    /** The same event for a signal whose execution says it must not alert: its transfer route is closed. */
    static SignalCreated notAlertable(SignalCreated created) {
        SignalData.Execution execution = new SignalData.Execution(SignalData.Execution.BOOK, created.occurredAt(),
                List.of(), List.of(), null, null, false, List.of("TRANSFER_CLOSED"));
        return SignalCreated.of(created.seq(), created.data().withExecution(execution), created.occurredAt());
    }

    /** A pair no other test (or test class on the shared broker) uses. */
    static String symbol() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT) + "/USDT";
    }

    static String address() {
        return "u" + UUID.randomUUID().toString().substring(0, 13) + "@example.com";
    }

    NotificationsApi as(UUID user) {
        Tier tier = directory.find(user).map(UserView::tier).orElse(Tier.FREE);
        return new NotificationsApi(port, ISSUER.token(new AuthenticatedUser(user, "x@example.com", tier,
                Set.of("USER"))));
    }

    long stored(UUID user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u").param("u", user)
                .query(Long.class).single();
    }

    long queued(UUID user) {
        return jdbc.sql("SELECT count(*) FROM email_queue WHERE user_id = :u").param("u", user)
                .query(Long.class).single();
    }

    int attempts(UUID user) {
        return jdbc.sql("SELECT max(attempts) FROM email_queue WHERE user_id = :u").param("u", user)
                .query(Integer.class).single();
    }

    List<String> status(UUID user) {
        return jdbc.sql("SELECT status FROM email_queue WHERE user_id = :u ORDER BY queued_at")
                .param("u", user).query(String.class).list();
    }

    static List<String> spreads(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("spread_percent").decimalValue().stripTrailingZeros().toPlainString())
                .toList();
    }

    /** One dispatcher round run here (waiting while a scheduled one holds the cluster lock). */
    void runRound() {
        await().until(dispatcher::dispatch);
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    /** The first part of this type, however deep in the multipart structure. */
    static String part(Part message, String type) throws Exception {
        if (message.isMimeType(type)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
