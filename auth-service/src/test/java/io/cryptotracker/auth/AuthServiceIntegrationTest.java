package io.cryptotracker.auth;

import io.cryptotracker.testsupport.ApiResponse;
import io.cryptotracker.testsupport.KafkaRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.cryptotracker.testsupport.KafkaRecords.awaitRecord;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import io.cryptotracker.auth.account.EmailRenormalization;
import io.cryptotracker.auth.account.UserAccounts;
import io.cryptotracker.auth.admin.FirstAdmin;
import io.cryptotracker.auth.admin.FirstAdminProperties;
import io.cryptotracker.auth.password.PasswordHasher;
import io.cryptotracker.auth.password.PasswordPolicy;
import io.cryptotracker.auth.token.AccessTokenIssuer;
import io.cryptotracker.auth.token.PemKeys;
import io.cryptotracker.auth.token.SigningKey;
import io.cryptotracker.auth.token.SigningKeyRing;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SubscriptionChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.common.security.AuthenticatedUser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cryptotracker.common.security.AccessTokens;
import io.cryptotracker.common.security.SecurityProperties;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.testsupport.BadInputSweep;
import io.cryptotracker.testsupport.ServiceContractTest;
import javax.sql.DataSource;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * auth-service end to end on real embedded PostgreSQL and Kafka, over real HTTP: registration, login, tokens and
 * their JWKS, refresh rotation and theft detection, logout, password change, throttling, events in and out, and
 * the configured first admin. Each test calls from its own client address (X-Forwarded-For through the trusted
 * loopback proxy), so the per-address throttle of one test never touches another.
 */
class AuthServiceIntegrationTest extends ServiceContractTest {

    static final SigningKey OLD_KEY = PemKeys.generate("key-2026-10");
    static final SigningKey CURRENT_KEY = PemKeys.generate("key-2026-11");
    static final String ADMIN_EMAIL = "First.Admin@example.com";
    static final String ADMIN_PASSWORD = "violet-harbour-lantern-42";
    static final String PASSWORD = "correct horse battery staple";

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/auth/register",
                "/api/v1/auth/login",
                "/api/v1/auth/refresh",
                "/api/v1/auth/logout",
                "/api/v1/auth/console/login",
                "/api/v1/auth/console/refresh",
                "/api/v1/auth/console/logout",
                "/api/v1/users/me/change-password",
                "/.well-known/jwks.json");
    }

    @DynamicPropertySource
    static void authSettings(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.auth.keys[0].id", OLD_KEY::id);
        registry.add("cryptotracker.auth.keys[0].private-key", () -> PemKeys.write(OLD_KEY.privateKey()));
        registry.add("cryptotracker.auth.keys[1].id", CURRENT_KEY::id);
        registry.add("cryptotracker.auth.keys[1].private-key", () -> PemKeys.write(CURRENT_KEY.privateKey()));
        registry.add("cryptotracker.auth.active-key-id", CURRENT_KEY::id);
        registry.add("cryptotracker.admin.email", () -> ADMIN_EMAIL);
        registry.add("cryptotracker.admin.password", () -> ADMIN_PASSWORD);
        registry.add("cryptotracker.admin.username", () -> "root");
        // the lowest cost the service accepts: a quarter of the default 12's work per hash, and the throttling and
        // password tests hash dozens of times (the default itself: PasswordConfigurationTest)
        registry.add("cryptotracker.auth.password.bcrypt-cost", () -> "10");
        // this context's own consumer group: other test contexts in the JVM share the broker and the topic
        registry.add("spring.kafka.consumer.group-id", () -> "auth-service-it-" + UUID.randomUUID());
    }

    @Autowired
    UserAccounts users;

    /** auth-service trusts only its own tokens: the sweep's user registers and logs in. */
    @Override
    protected String badInputUserToken() {
        AuthApi.Caller sweeper = new AuthApi(port).from(randomIp());
        String email = uniqueEmail("sweeper");
        sweeper.register(email, "sweeper_" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        return sweeper.login(email, PASSWORD).text("access_token");
    }

    /**
     * The console endpoints refuse every request without the console header: the sweep sends it everywhere, from an
     * address of its own (the per-address login throttle of one run touches no other). Valid bodies let the contract
     * test reach each success answer: a registration with a new email on every call; sign-in, console sign-in,
     * refresh and (with its refresh cookie on every request) the console's refresh as a member registered here; a password change of the sweep's user ({@link #badInputUserToken()}).
     */
    @Override
    protected BadInputSweep.Samples badInputSamples() {
        AuthApi.Caller member = new AuthApi(port).from(randomIp());
        String email = uniqueEmail("Member");
        assertThat(member.register(email, "member_" + UUID.randomUUID().toString().substring(0, 8), PASSWORD)
                .status()).isEqualTo(201);
        String refreshToken = member.login(email, PASSWORD).text("refresh_token");
        String credentials = "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}";
        ApiResponse console = member.consoleLogin(email, PASSWORD);
        assertThat(console.status()).isEqualTo(200);
        String consoleCookie = console.raw().headers().allValues("Set-Cookie").get(0).split(";", 2)[0];
        return new BadInputSweep.Samples().header("X-CryptoTracker-Console", "1")
                .header("X-Forwarded-For", randomIp())
                .header("Cookie", consoleCookie)
                .body("POST /api/v1/auth/register", "{\"email\": \"" + uniqueEmail("Contract") + "\", \"username\": \"contract_"
                        + UUID.randomUUID().toString().substring(0, 8) + "\", \"password\": \"" + PASSWORD + "\"}")
                .body("POST /api/v1/auth/login", credentials)
                .body("POST /api/v1/auth/console/login", credentials)
                .body("POST /api/v1/auth/refresh", "{\"refresh_token\": \"" + refreshToken + "\"}")
                .body("POST /api/v1/users/me/change-password", "{\"current_password\": \"" + PASSWORD
                        + "\", \"new_password\": \"quiet-orchard-lantern-97-sweep\"}");
    }

    AuthApi api;
    AuthApi.Caller client;

    @BeforeEach
    void newClientAddress() {
        api = new AuthApi(port);
        client = api.from(randomIp());
    }

    @Nested
    class Registration {

        @Test
        void registeringAnswers201WithTheUserAndALocation() {
            String email = uniqueEmail("Reg");
            ApiResponse response = client.register(email, "new_user.1", PASSWORD);

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.header("Location")).isEqualTo("/api/v1/users/me");
            JsonNode body = response.json();
            assertThat(UUID.fromString(body.get("id").asString())).isNotNull();
            assertThat(body.get("email").asString()).isEqualTo(email);
            assertThat(body.get("username").asString()).isEqualTo("new_user.1");
            assertThat(body.get("tier").asString()).isEqualTo("FREE");
            assertThat(body.get("roles").toString()).isEqualTo("[\"USER\"]");
            assertThat(Instant.parse(body.get("created_at").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(body.has("password")).isFalse();
            assertThat(body.has("password_hash")).isFalse();
        }

        @Test
        void anEmailTakenInAnotherLetterCaseIsA409Problem() {
            String email = uniqueEmail("Dup");
            assertThat(client.register(email, "first", PASSWORD).status()).isEqualTo(201);

            ApiResponse again = client.register("  " + email.toUpperCase() + " ", "second", PASSWORD);

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            assertThat(again.json().get("status").asInt()).isEqualTo(409);
        }

        @Test
        void invalidFieldsAre400WithSnakeCaseFieldErrors() {
            ApiResponse response = client.postRaw("/api/v1/auth/register",
                    "{\"email\":\"not-an-email\",\"username\":\"a b\"}", null);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(fields(response)).contains("email", "username", "password");
        }

        @Test
        void aUsernameOutside3To32AllowedCharactersIs400() {
            assertThat(fields(client.register(uniqueEmail("u"), "ab", PASSWORD))).containsExactly("username");
            assertThat(fields(client.register(uniqueEmail("u"), "x".repeat(33), PASSWORD)))
                    .containsExactly("username");
            assertThat(fields(client.register(uniqueEmail("u"), "bad/name", PASSWORD))).containsExactly("username");
        }

        @Test
        void aPasswordBreakingThePolicyIs400NamingPassword() {
            String email = uniqueEmail("policy");
            assertThat(fields(client.register(email, "policyuser", "short"))).containsExactly("password");
            assertThat(fields(client.register(email, "policyuser", "qwertyuiop"))).containsExactly("password");
            assertThat(fields(client.register(email, "policyuser", "my policyuser pass"))).containsExactly("password");
            assertThat(fields(client.register(email, "someone", email.substring(0, email.indexOf('@')) + "!!")))
                    .containsExactly("password");
        }

        @Test
        void theUserRegisteredEventReachesKafkaKeyedByUserIdWithExactlyTheContractFields() {
            String email = uniqueEmail("Event");
            String userId = client.register(email, "evented", PASSWORD).text("id");

            ConsumerRecord<String, String> record = awaitRecord(Topics.USERS, userId, "UserRegistered");

            JsonNode event = AuthApi.JSON.readTree(record.value());
            List<String> fieldNames = new ArrayList<>(event.propertyNames());
            assertThat(fieldNames).containsExactlyInAnyOrder("event_id", "type", "version", "occurred_at", "user_id",
                    "email", "username", "roles", "tier", "registered_at");
            assertThat(event.get("user_id").asString()).isEqualTo(userId);
            assertThat(event.get("email").asString()).isEqualTo(email);
            assertThat(event.get("username").asString()).isEqualTo("evented");
            assertThat(event.get("roles").toString()).isEqualTo("[\"USER\"]");
            assertThat(event.get("tier").asString()).isEqualTo("FREE");
            assertThat(event.get("version").asInt()).isEqualTo(1);
            assertThat(UUID.fromString(event.get("event_id").asString())).isNotNull();
            assertThat(Instant.parse(event.get("registered_at").asString())).isNotNull();
        }
    }

    @Nested
    class Login {

        @Test
        void aNulInTheEmailIsA400ProblemNamingIt() {
            ApiResponse response = client.login("ann\u0000@example.com", PASSWORD);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(fields(response)).containsExactly("email");
        }

        @Test
        void loginReturnsABearerPairWhoseAccessTokenVerifiesAgainstTheServedJwks() throws Exception {
            String email = uniqueEmail("Login");
            String userId = client.register(email, "loginuser", PASSWORD).text("id");

            ApiResponse response = client.login(email.toLowerCase(), PASSWORD);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).contains("no-store");
            JsonNode body = response.json();
            assertThat(body.get("token_type").asString()).isEqualTo("bearer");
            assertThat(body.get("expires_in").asLong()).isEqualTo(900);
            assertThat(body.get("refresh_token").asString()).hasSize(43);

            String accessToken = body.get("access_token").asString();
            Map<String, RSAPublicKey> jwks = servedJwks();
            AuthenticatedUser user = verify(accessToken);
            assertThat(user).isEqualTo(new AuthenticatedUser(UUID.fromString(userId), email, Tier.FREE,
                    Set.of("USER")));

            SignedJWT jws = SignedJWT.parse(accessToken);
            assertThat(jws.verify(new RSASSAVerifier(jwks.get(CURRENT_KEY.id())))).isTrue();
            assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(jws.getHeader().getKeyID()).isEqualTo(CURRENT_KEY.id());
            JWTClaimsSet claims = jws.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("cryptotracker");
            assertThat(claims.getSubject()).isEqualTo(userId);
            assertThat(claims.getJWTID()).isNotBlank();
            assertThat(claims.getClaim("roles")).isEqualTo(List.of("USER"));
            assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
        }

        @Test
        void aTokenSignedWithThePreviousKeyStillVerifiesAndIsAcceptedWhileNewTokensNameTheCurrentKey()
                throws Exception {
            JsonNode login = registerAndLogin("Rotation");
            String current = login.get("access_token").asString();
            UUID userId = verify(current).id();
            String previous = new AccessTokenIssuer(new SigningKeyRing(List.of(OLD_KEY), null), "cryptotracker",
                    Duration.ofMinutes(15), Clock.systemUTC()).issue(users.findById(userId).orElseThrow()).value();

            assertThat(SignedJWT.parse(current).getHeader().getKeyID()).isEqualTo(CURRENT_KEY.id());
            assertThat(SignedJWT.parse(previous).getHeader().getKeyID()).isEqualTo(OLD_KEY.id());
            assertThat(verify(previous).id()).isEqualTo(userId);
            assertThat(client.logout(login.get("refresh_token").asString(), previous).status()).isEqualTo(204);
            assertThat(client.refresh(login.get("refresh_token").asString()).status()).isEqualTo(401);
        }

        @Test
        void theJwksPublishesEveryConfiguredKeyAndMayBeCached() {
            ApiResponse response = api.get("/.well-known/jwks.json");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.header("Cache-Control")).contains("max-age=300").contains("public");
            assertThat(servedJwks()).containsOnlyKeys(OLD_KEY.id(), CURRENT_KEY.id());
            for (JsonNode key : response.json().get("keys")) {
                assertThat(key.get("kty").asString()).isEqualTo("RSA");
                assertThat(key.get("alg").asString()).isEqualTo("RS256");
                assertThat(key.get("use").asString()).isEqualTo("sig");
                assertThat(key.has("n") && key.has("e")).isTrue();
                assertThat(key.has("d")).isFalse();
            }
        }

        @Test
        void anUnknownEmailAndAWrongPasswordGetIdentical401Answers() {
            String email = uniqueEmail("Same");
            client.register(email, "sameuser", PASSWORD);

            ApiResponse wrongPassword = client.login(email, "not the password at all");
            ApiResponse unknownEmail = client.login(uniqueEmail("nobody"), "not the password at all");

            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(unknownEmail.status()).isEqualTo(401);
            assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
            assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
            assertThat(wrongPassword.body()).doesNotContain(email);
        }

        @Test
        void loginOutcomesOfAnExistingAccountAreAudited() {
            String email = uniqueEmail("Audit");
            String userId = client.register(email, "audited", PASSWORD).text("id");
            client.login(email, "wrong password here");
            client.login(email, PASSWORD);

            JsonNode failed = AuthApi.JSON.readTree(awaitAudit(userId, "LOGIN_FAILED").value());
            JsonNode succeeded = AuthApi.JSON.readTree(awaitAudit(userId, "LOGIN_SUCCEEDED").value());

            assertThat(failed.get("outcome").asString()).isEqualTo("FAILURE");
            assertThat(succeeded.get("outcome").asString()).isEqualTo("SUCCESS");
            assertThat(succeeded.get("ip").asString()).isEqualTo(clientIpOf(client));
            assertThat(succeeded.get("user_agent").asString()).isEqualTo("auth-service-integration-test");
            assertThat(failed.toString()).doesNotContain("wrong password here").doesNotContain(PASSWORD);
        }
    }

    @Nested
    class Refresh {

        @Test
        void refreshingRotatesThePairAndTheNewAccessTokenIsValid() {
            JsonNode first = registerAndLogin("Rotate");

            ApiResponse refreshed = client.refresh(first.get("refresh_token").asString());

            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.text("refresh_token")).isNotEqualTo(first.get("refresh_token").asString());
            assertThat(refreshed.text("access_token")).isNotEqualTo(first.get("access_token").asString());
            assertThat(refreshed.text("token_type")).isEqualTo("bearer");
            assertThat(client.refresh(refreshed.text("refresh_token")).status()).isEqualTo(200);
        }

        @Test
        void reusingASpentRefreshTokenIs401AndRevokesTheWholeFamily() {
            JsonNode first = registerAndLogin("Theft");
            String spent = first.get("refresh_token").asString();
            String second = client.refresh(spent).text("refresh_token");
            String newest = client.refresh(second).text("refresh_token");

            ApiResponse reuse = client.refresh(spent);

            assertThat(reuse.status()).isEqualTo(401);
            assertThat(reuse.header("Content-Type")).startsWith("application/problem+json");
            assertThat(client.refresh(newest).status()).as("the newest token of the family is revoked too")
                    .isEqualTo(401);
        }

        @Test
        void twoRefreshesOfOneTokenAtOnceLetOneWinAndTreatTheOtherAsReuse() throws Exception {
            String refresh = registerAndLogin("Race").get("refresh_token").asString();

            CompletableFuture<ApiResponse> one = CompletableFuture.supplyAsync(() -> client.refresh(refresh));
            CompletableFuture<ApiResponse> two = CompletableFuture.supplyAsync(() -> client.refresh(refresh));
            List<ApiResponse> answers = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));

            assertThat(answers).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 401);
            String winnersToken = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow()
                    .text("refresh_token");
            assertThat(client.refresh(winnersToken).status()).as("the family is revoked").isEqualTo(401);
        }

        @Test
        void anotherLoginsFamilySurvivesTheRevocationOfAStolenFamily() {
            String email = uniqueEmail("Families");
            client.register(email, "families", PASSWORD);
            String laptop = client.login(email, PASSWORD).text("refresh_token");
            String phone = client.login(email, PASSWORD).text("refresh_token");
            client.refresh(laptop);

            assertThat(client.refresh(laptop).status()).isEqualTo(401);
            assertThat(client.refresh(phone).status()).isEqualTo(200);
        }

        @Test
        void unknownOrMalformedRefreshTokensAre401AndAMissingOneIs400() {
            assertThat(client.refresh("A".repeat(43)).status()).isEqualTo(401);
            assertThat(client.refresh("garbage").status()).isEqualTo(401);
            ApiResponse missing = client.postRaw("/api/v1/auth/refresh", "{}", null);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(fields(missing)).containsExactly("refresh_token");
        }

        @Test
        void aSubscriptionChangedEventChangesTheTierInTheNextRefreshedAccessToken() throws Exception {
            JsonNode tokens = registerAndLogin("Vip");
            UUID userId = UUID.fromString(verify(tokens.get("access_token").asString()).id().toString());
            assertThat(verify(tokens.get("access_token").asString()).tier()).isEqualTo(Tier.FREE);

            SubscriptionChanged upgrade = SubscriptionChanged.of(userId, "VIP", "ACTIVE", "VIP", Instant.now(),
                    Instant.now().plus(Duration.ofDays(30)), true);
            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>(Topics.USERS, userId.toString(),
                        "{\"type\":\"SomethingNew\",\"event_id\":\"" + UUID.randomUUID() + "\"}")).get();
                producer.send(new ProducerRecord<>(Topics.USERS, userId.toString(), EventJson.write(upgrade))).get();
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> users.findById(userId).orElseThrow().tier() == Tier.VIP);

            ApiResponse refreshed = client.refresh(tokens.get("refresh_token").asString());

            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(verify(refreshed.text("access_token")).tier()).isEqualTo(Tier.VIP);
        }
    }

    @Nested
    class Logout {

        @Test
        void logoutRevokesTheFamilyAndAnswers204EvenWhenRepeated() {
            JsonNode tokens = registerAndLogin("Logout");
            String access = tokens.get("access_token").asString();
            String refresh = tokens.get("refresh_token").asString();
            String rotated = client.refresh(refresh).text("refresh_token");

            assertThat(client.logout(rotated, access).status()).isEqualTo(204);
            assertThat(client.refresh(rotated).status()).isEqualTo(401);
            assertThat(client.logout(rotated, access).status()).isEqualTo(204);
        }

        @Test
        void logoutNeedsAnAccessTokenAndCannotEndAnotherUsersSession() {
            JsonNode victim = registerAndLogin("Victim");
            JsonNode attacker = registerAndLogin("Attacker");
            String victimRefresh = victim.get("refresh_token").asString();

            assertThat(client.logout(victimRefresh, null).status()).isEqualTo(401);
            assertThat(client.logout(victimRefresh, attacker.get("access_token").asString()).status())
                    .isEqualTo(204);
            assertThat(client.refresh(victimRefresh).status()).isEqualTo(200);
        }
    }

    @Nested
    class ConsoleSession {

        static final String COOKIE_PATH = "Path=/api/v1/auth/console";

        @Test
        void signingInSetsAnHttpOnlyStrictSecureCookieForTheConsolePathAndNoRefreshTokenInTheBody() {
            String email = uniqueEmail("Console");
            String userId = client.register(email, "console_user", PASSWORD).text("id");

            ApiResponse response = client.consoleLogin(email, PASSWORD);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).contains("no-store");
            String cookie = theRefreshCookie(response);
            assertThat(attributes(cookie)).contains(COOKIE_PATH, "HttpOnly", "SameSite=Strict", "Secure",
                    "Max-Age=2592000");
            String refreshToken = valueOf(cookie);
            assertThat(refreshToken).hasSize(43);
            JsonNode body = response.json();
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
            assertThat(body.get("token_type").asString()).isEqualTo("bearer");
            assertThat(body.get("expires_in").asLong()).isEqualTo(900);
            assertThat(response.body()).doesNotContain(refreshToken).doesNotContain("refresh_token");
            assertThat(verify(body.get("access_token").asString()).id()).isEqualTo(UUID.fromString(userId));
            assertThat(awaitAudit(userId, "LOGIN_SUCCEEDED").value()).contains("\"outcome\":\"SUCCESS\"");
        }

        @Test
        void refreshingRotatesTheCookieAndTheOldValuePresentedAgainRevokesTheWholeFamily() {
            String userId = registerAndConsoleLogin("ConsoleTheft");
            String first = lastCookie;

            ApiResponse refreshed = client.consoleRefresh(first);

            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.header("Cache-Control")).contains("no-store");
            String second = valueOf(theRefreshCookie(refreshed));
            assertThat(second).hasSize(43).isNotEqualTo(first);
            assertThat(attributes(theRefreshCookie(refreshed))).contains(COOKIE_PATH, "HttpOnly", "SameSite=Strict",
                    "Secure", "Max-Age=2592000");
            assertThat(refreshed.json().propertyNames()).containsExactlyInAnyOrder("access_token", "token_type",
                    "expires_in");
            assertThat(refreshed.body()).doesNotContain(second);
            assertThat(verify(refreshed.text("access_token")).id()).isEqualTo(UUID.fromString(userId));

            ApiResponse reuse = client.consoleRefresh(first);

            assertThat(reuse.status()).isEqualTo(401);
            assertThat(reuse.header("Content-Type")).startsWith("application/problem+json");
            assertCleared(reuse);
            assertThat(client.consoleRefresh(second).status()).as("the newest cookie of the family is revoked too")
                    .isEqualTo(401);
            assertThat(awaitAudit(userId, "REFRESH_TOKEN_REUSED").value()).contains("\"outcome\":\"FAILURE\"");
        }

        @Test
        void aMissingUnknownOrMalformedCookieIs401AndClearsTheCookie() {
            for (String cookie : Arrays.asList(null, "A".repeat(43), "garbage", "")) {
                ApiResponse response = client.consoleRefresh(cookie);

                assertThat(response.status()).as("cookie %s", cookie).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().get("type").asString()).endsWith("/invalid-refresh-token");
                assertCleared(response);
            }
        }

        @Test
        void signingOutRevokesTheFamilyClearsTheCookieAndAnswers204EvenWithoutACookie() {
            String userId = registerAndConsoleLogin("ConsoleLogout");
            String rotated = valueOf(theRefreshCookie(client.consoleRefresh(lastCookie)));

            ApiResponse logout = client.consoleLogout(rotated);

            assertThat(logout.status()).isEqualTo(204);
            assertCleared(logout);
            assertThat(client.consoleRefresh(rotated).status()).isEqualTo(401);
            assertThat(awaitAudit(userId, "LOGGED_OUT").value()).contains("\"outcome\":\"SUCCESS\"");
            assertThat(client.consoleLogout(rotated).status()).isEqualTo(204);
            ApiResponse withoutCookie = client.consoleLogout(null);
            assertThat(withoutCookie.status()).isEqualTo(204);
            assertCleared(withoutCookie);
        }

        @Test
        void aCallWithoutTheConsoleHeaderIsA403ProblemAndChangesNothing() {
            String email = uniqueEmail("NoHeader");
            registerAndConsoleLogin(email, "no_header");
            String cookie = lastCookie;
            String login = AuthApi.JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));

            for (Map<String, String> headers : List.of(Map.<String, String>of(),
                    Map.of("X-CryptoTracker-Console", "0"), Map.of("X-CryptoTracker-Console", "true"))) {
                assertConsoleRefused(client.console("login", login, null, headers), "X-CryptoTracker-Console");
                assertConsoleRefused(client.console("refresh", null, cookie, headers), "X-CryptoTracker-Console");
                assertConsoleRefused(client.console("logout", null, cookie, headers), "X-CryptoTracker-Console");
            }
            assertConsoleRefused(client.console("login", "{\"email\":\"\"}", null, Map.of()),
                    "X-CryptoTracker-Console");

            assertThat(client.consoleRefresh(cookie).status()).as("the session is untouched").isEqualTo(200);
        }

        @Test
        void aCrossSiteCallIs403EvenWithTheHeaderWhileSameOriginAndSameSiteCallsPass() {
            String email = uniqueEmail("CrossSite");
            registerAndConsoleLogin(email, "cross_site");
            String cookie = lastCookie;
            Map<String, String> crossSite = Map.of("X-CryptoTracker-Console", "1", "Sec-Fetch-Site", "cross-site");
            String login = AuthApi.JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));

            assertConsoleRefused(client.console("login", login, null, crossSite), "cross-site");
            assertConsoleRefused(client.console("refresh", null, cookie, crossSite), "cross-site");
            assertConsoleRefused(client.console("logout", null, cookie, crossSite), "cross-site");

            ApiResponse sameOrigin = client.console("refresh", null, cookie,
                    Map.of("X-CryptoTracker-Console", "1", "Sec-Fetch-Site", "same-origin"));
            assertThat(sameOrigin.status()).isEqualTo(200);
            ApiResponse sameSite = client.console("refresh", null, valueOf(theRefreshCookie(sameOrigin)),
                    Map.of("X-CryptoTracker-Console", "1", "Sec-Fetch-Site", "same-site"));
            assertThat(sameSite.status()).isEqualTo(200);
        }

        @Test
        void wrongCredentialsGetTheSame401AsLoginAndNoCookie() {
            String email = uniqueEmail("ConsoleWrong");
            client.register(email, "console_wrong", PASSWORD);

            ApiResponse console = client.consoleLogin(email, "not the password at all");
            ApiResponse unknown = client.consoleLogin(uniqueEmail("nobody"), "not the password at all");
            ApiResponse plain = client.login(email, "not the password at all");

            assertThat(console.status()).isEqualTo(401);
            assertThat(console.header("Content-Type")).startsWith("application/problem+json");
            assertThat(console.raw().headers().allValues("Set-Cookie")).isEmpty();
            for (String field : List.of("type", "title", "status", "detail")) {
                assertThat(console.json().get(field)).as(field).isEqualTo(plain.json().get(field))
                        .isEqualTo(unknown.json().get(field));
            }
            assertThat(console.body()).doesNotContain(email);
        }

        @Test
        void invalidFieldsAre400NamingTheFieldAsAtLogin() {
            assertThat(fields(client.console("login", "{\"email\":\"someone@example.com\"}", null,
                    AuthApi.CONSOLE))).containsExactly("password");
            assertThat(fields(client.console("login", "{\"password\":\"whatever it is\"}", null,
                    AuthApi.CONSOLE))).containsExactly("email");
            assertThat(fields(client.consoleLogin("ann\u0000@example.com", PASSWORD))).containsExactly("email");
            assertThat(fields(client.consoleLogin("\u0430lice@example.com", PASSWORD))).containsExactly("email");
            assertThat(fields(client.consoleLogin("x".repeat(321), PASSWORD))).containsExactly("email");
        }

        @Test
        void consoleFailuresCountTowardsTheSameLockAsLogin() {
            String email = uniqueEmail("ConsoleLocked");
            String userId = client.register(email, "console_locked", PASSWORD).text("id");
            for (int i = 0; i < 5; i++) {
                assertThat(client.consoleLogin(email, "wrong password " + i).status()).isEqualTo(401);
            }

            ApiResponse locked = api.from(randomIp()).consoleLogin(email, PASSWORD);

            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
            assertThat(locked.raw().headers().allValues("Set-Cookie")).isEmpty();
            assertThat(api.from(randomIp()).login(email, PASSWORD).status()).isEqualTo(429);
            assertThat(awaitAudit(userId, "LOGIN_LOCKED").value()).contains("\"scope\":\"account\"");
        }

        /** The refresh token of the last console sign-in of this test. */
        private String lastCookie;

        private String registerAndConsoleLogin(String name) {
            return registerAndConsoleLogin(uniqueEmail(name), name.toLowerCase());
        }

        private String registerAndConsoleLogin(String email, String username) {
            String userId = client.register(email, username, PASSWORD).text("id");
            ApiResponse login = client.consoleLogin(email, PASSWORD);
            assertThat(login.status()).isEqualTo(200);
            lastCookie = valueOf(theRefreshCookie(login));
            return userId;
        }

        private static String theRefreshCookie(ApiResponse response) {
            List<String> cookies = response.raw().headers().allValues("Set-Cookie");
            assertThat(cookies).hasSize(1);
            assertThat(cookies.get(0)).startsWith("ct_refresh=");
            return cookies.get(0);
        }

        private static String valueOf(String setCookie) {
            return setCookie.substring("ct_refresh=".length(), setCookie.indexOf(';'));
        }

        private static List<String> attributes(String setCookie) {
            return Arrays.stream(setCookie.split(";")).skip(1).map(String::strip).toList();
        }

        private static void assertCleared(ApiResponse response) {
            String cookie = theRefreshCookie(response);
            assertThat(valueOf(cookie)).isEmpty();
            assertThat(attributes(cookie)).contains(COOKIE_PATH, "Max-Age=0", "HttpOnly", "SameSite=Strict",
                    "Secure");
        }

        private static void assertConsoleRefused(ApiResponse response, String detailMentions) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(detailMentions);
            assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Nested
    class ChangePassword {

        @Test
        void changingThePasswordKillsEveryRefreshTokenAndOnlyTheNewPasswordWorks() {
            String email = uniqueEmail("Change");
            client.register(email, "changer", PASSWORD);
            JsonNode laptop = client.login(email, PASSWORD).json();
            String phone = client.login(email, PASSWORD).text("refresh_token");
            String newPassword = "a brand new passphrase";

            ApiResponse change = client.changePassword(PASSWORD, newPassword,
                    laptop.get("access_token").asString());

            assertThat(change.status()).isEqualTo(204);
            assertThat(client.refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(401);
            assertThat(client.refresh(phone).status()).isEqualTo(401);
            assertThat(client.login(email, PASSWORD).status()).isEqualTo(401);
            assertThat(client.login(email, newPassword).status()).isEqualTo(200);
        }

        @Test
        void aWrongCurrentPasswordIs400OnCurrentPasswordAndChangesNothing() {
            String email = uniqueEmail("WrongCurrent");
            client.register(email, "wrongcurrent", PASSWORD);
            JsonNode tokens = client.login(email, PASSWORD).json();

            ApiResponse change = client.changePassword("not my password", "a brand new passphrase",
                    tokens.get("access_token").asString());

            assertThat(change.status()).isEqualTo(400);
            assertThat(fields(change)).containsExactly("current_password");
            assertThat(client.refresh(tokens.get("refresh_token").asString()).status()).isEqualTo(200);
        }

        @Test
        void aNewPasswordBreakingThePolicyIs400OnNewPassword() {
            String email = uniqueEmail("WeakNew");
            client.register(email, "weaknew", PASSWORD);
            String access = client.login(email, PASSWORD).text("access_token");

            assertThat(fields(client.changePassword(PASSWORD, "password1", access))).containsExactly("new_password");
        }

        @Test
        void changingThePasswordEmitsPasswordChangedAndAnAuditEntry() {
            String email = uniqueEmail("Changed");
            String userId = client.register(email, "changed", PASSWORD).text("id");
            String access = client.login(email, PASSWORD).text("access_token");

            assertThat(client.changePassword(PASSWORD, "another fine passphrase", access).status()).isEqualTo(204);

            JsonNode changed = AuthApi.JSON.readTree(awaitRecord(Topics.USERS, userId, "PasswordChanged").value());
            assertThat(changed.get("user_id").asString()).isEqualTo(userId);
            assertThat(awaitAudit(userId, "PASSWORD_CHANGED").value()).contains("\"outcome\":\"SUCCESS\"");
        }

        @Test
        void changingThePasswordNeedsAnAccessToken() {
            assertThat(client.changePassword(PASSWORD, "whatever it may be", null).status()).isEqualTo(401);
        }
    }

    @Nested
    class Throttling {

        @Test
        void fiveFailuresLockTheAccountWith429AndRetryAfterEvenForTheRightPassword() {
            String email = uniqueEmail("Locked");
            String userId = client.register(email, "lockme", PASSWORD).text("id");
            for (int i = 0; i < 5; i++) {
                assertThat(client.login(email, "wrong password " + i).status()).isEqualTo(401);
            }

            ApiResponse locked = api.from(randomIp()).login(email, PASSWORD);

            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
            assertThat(locked.json().get("status").asInt()).isEqualTo(429);
            assertThat(awaitAudit(userId, "LOGIN_LOCKED").value()).contains("\"scope\":\"account\"");
        }

        @Test
        void aSuccessfulLoginResetsTheAccountsFailureCount() {
            String email = uniqueEmail("Reset");
            client.register(email, "resetme", PASSWORD);
            for (int i = 0; i < 4; i++) {
                client.login(email, "wrong password " + i);
            }
            assertThat(client.login(email, PASSWORD).status()).isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                assertThat(client.login(email, "wrong again " + i).status()).isEqualTo(401);
            }
            assertThat(client.login(email, PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void twentyFailuresFromOneAddressLockThatAddressButNotOthers() {
            for (int i = 0; i < 20; i++) {
                assertThat(client.login(uniqueEmail("spray" + i), "guess number " + i).status()).isEqualTo(401);
            }

            ApiResponse locked = client.login(uniqueEmail("spray-next"), "another guess");

            assertThat(locked.status()).isEqualTo(429);
            assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
            assertThat(api.from(randomIp()).login(uniqueEmail("elsewhere"), "a guess").status()).isEqualTo(401);
        }
    }

    @Nested
    class FirstAdministrator {

        @Autowired
        UserAccounts accounts;

        @Autowired
        PasswordPolicy policy;

        @Autowired
        PasswordHasher hasher;

        @Autowired
        OutboxWriter outbox;

        @Autowired
        TransactionTemplate transactions;

        @Autowired
        JdbcClient jdbc;

        @Test
        void theConfiguredFirstAdminCanSignInWithRoleAdmin() {
            ApiResponse login = client.login(ADMIN_EMAIL.toLowerCase(), ADMIN_PASSWORD);

            assertThat(login.status()).isEqualTo(200);
            AuthenticatedUser admin = verify(login.text("access_token"));
            assertThat(admin.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
            assertThat(admin.email()).isEqualTo(ADMIN_EMAIL);
            assertThat(awaitRecord(Topics.USERS, admin.id().toString(), "UserRegistered").value())
                    .contains("\"roles\":[\"USER\",\"ADMIN\"]");
        }

        @Test
        void anAlreadyRegisteredAdminEmailIsGrantedAdminAndKeepsItsPassword() {
            String email = uniqueEmail("Promoted");
            client.register(email, "promoted", PASSWORD);

            firstAdmin(email, "a different admin passphrase").ensureAdmin();

            assertThat(verify(client.login(email, PASSWORD).text("access_token")).roles())
                    .containsExactlyInAnyOrder("USER", "ADMIN");
        }

        @Test
        void twoReplicasStartingAtOnceCreateOneAdminAndOneEvent() throws Exception {
            String email = uniqueEmail("Racing");
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> firstAdmin(email, ADMIN_PASSWORD).ensureAdmin());
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> firstAdmin(email, ADMIN_PASSWORD).ensureAdmin());
            CompletableFuture.allOf(one, two).get(30, TimeUnit.SECONDS);

            UUID id = accounts.findByEmail(email).orElseThrow().id();
            assertThat(accounts.findById(id).orElseThrow().roles()).containsExactlyInAnyOrder("USER", "ADMIN");
            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = ?").param(email.toLowerCase())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND event_type = 'UserRegistered'")
                    .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void aWeakNewAdminPasswordStopsStartUpWithoutRepeatingIt() {
            assertThatThrownBy(() -> firstAdmin(uniqueEmail("Weak"), "password123").ensureAdmin())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CRYPTOTRACKER_ADMIN_PASSWORD")
                    .hasMessageNotContaining("password123");
        }

        private FirstAdmin firstAdmin(String email, String password) {
            return new FirstAdmin(new FirstAdminProperties(email, password, "boss"), accounts, policy, hasher, outbox,
                    transactions, Clock.systemUTC());
        }
    }

    @Nested
    class LongPasswords {

        static final String LONG_PASSWORD = "a long passphrase that runs well past the seventy-two bytes bcrypt reads, "
                + "so all of it must count";

        @Autowired
        JdbcClient jdbc;

        @Test
        void aLongPasswordSignsInButTheStringItUsedToBePrehashedToIsRefused() {
            String email = uniqueEmail("Long");
            assertThat(client.register(email, "long_pw", LONG_PASSWORD).status()).isEqualTo(201);

            assertThat(client.login(email, LONG_PASSWORD).status()).isEqualTo(200);
            assertThat(client.login(email, LONG_PASSWORD + "!").status()).isEqualTo(401);
            ApiResponse prehash = client.login(email, oldPrehash(LONG_PASSWORD));
            assertThat(prehash.status()).isEqualTo(401);
            assertThat(prehash.header("Content-Type")).startsWith("application/problem+json");
            assertThat(passwordHash(email)).startsWith("{bcrypt-hmac-sha256}$2a$10$");
        }

        @Test
        void anOldSchemeHashStillSignsInRefusesItsPrehashStringAndIsUpgradedByTheLogin() {
            String email = uniqueEmail("OldScheme");
            assertThat(client.register(email, "old_scheme", PASSWORD).status()).isEqualTo(201);
            String oldHash = new BCryptPasswordEncoder(4).encode(oldPrehash(LONG_PASSWORD));
            jdbc.sql("UPDATE users SET password_hash = ? WHERE email_normalized = ?")
                    .params(oldHash, email.toLowerCase()).update();

            assertThat(client.login(email, oldPrehash(LONG_PASSWORD)).status()).isEqualTo(401);
            assertThat(passwordHash(email)).isEqualTo(oldHash);

            assertThat(client.login(email, LONG_PASSWORD).status()).isEqualTo(200);
            String upgraded = passwordHash(email);
            assertThat(upgraded).startsWith("{bcrypt-hmac-sha256}$2a$10$");

            assertThat(client.login(email, LONG_PASSWORD).status()).isEqualTo(200);
            assertThat(client.login(email, oldPrehash(LONG_PASSWORD)).status()).isEqualTo(401);
            assertThat(passwordHash(email)).isEqualTo(upgraded);
        }

        @Test
        void anOldPlainBcryptHashOfAShortPasswordStillSignsInAndIsUpgraded() {
            String email = uniqueEmail("OldShort");
            assertThat(client.register(email, "old_short", PASSWORD).status()).isEqualTo(201);
            String oldHash = new BCryptPasswordEncoder(4).encode(PASSWORD);
            jdbc.sql("UPDATE users SET password_hash = ? WHERE email_normalized = ?")
                    .params(oldHash, email.toLowerCase()).update();

            assertThat(client.login(email, PASSWORD + "x").status()).isEqualTo(401);
            assertThat(passwordHash(email)).isEqualTo(oldHash);
            assertThat(client.login(email, PASSWORD).status()).isEqualTo(200);

            String upgraded = passwordHash(email);
            assertThat(upgraded).startsWith("{bcrypt-hmac-sha256}$2a$10$");
            assertThat(new BCryptPasswordEncoder(4).matches(PASSWORD,
                    upgraded.substring("{bcrypt-hmac-sha256}".length()))).as("bcrypt of the password itself").isTrue();
        }

        private String passwordHash(String email) {
            return jdbc.sql("SELECT password_hash FROM users WHERE email_normalized = ?").param(email.toLowerCase())
                    .query(String.class).single();
        }

        /** What the old scheme gave bcrypt for a password over 72 bytes: a string anyone could type. */
        private static String oldPrehash(String password) {
            try {
                return "$sha256$" + Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    @Nested
    class LookAlikeEmails {

        @Autowired
        UserAccounts accounts;

        @Autowired
        PasswordPolicy policy;

        @Autowired
        PasswordHasher hasher;

        @Autowired
        OutboxWriter outbox;

        @Autowired
        TransactionTemplate transactions;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        DataSource dataSource;

        @Test
        void aFullWidthSpellingIsTheSameAccountForRegisterAndLogin() {
            String email = uniqueEmail("alice").toLowerCase();
            assertThat(client.register(email, "alice", PASSWORD).status()).isEqualTo(201);

            ApiResponse again = client.register(fullWidthLocalPart(email), "alice_again", PASSWORD);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");

            ApiResponse login = client.login(fullWidthLocalPart(email), PASSWORD);
            assertThat(login.status()).isEqualTo(200);
            assertThat(verify(login.text("access_token")).email()).isEqualTo(email);
        }

        @Test
        void aFullWidthAddressIsStoredAndAnsweredInItsPlainSpelling() {
            String email = uniqueEmail("Wide");
            ApiResponse response = client.register(fullWidthLocalPart(email), "wide", PASSWORD);

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().get("email").asString()).isEqualTo(email);
            assertThat(client.login(email.toLowerCase(), PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void aZeroWidthCharacterInTheEmailIs400NamingEmailAtRegisterAndLogin() {
            String email = uniqueEmail("zero");
            assertThat(client.register(email, "zero", PASSWORD).status()).isEqualTo(201);
            String invisible = "zero\u200B" + email.substring("zero".length());

            ApiResponse register = client.register(invisible, "zero_width", PASSWORD);
            assertThat(fields(register)).containsExactly("email");
            assertThat(register.header("Content-Type")).startsWith("application/problem+json");
            assertThat(register.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("must not contain invisible, formatting or control characters");
            assertThat(fields(client.login(invisible, PASSWORD))).containsExactly("email");
            assertThat(fields(client.login("\uFEFF" + email, PASSWORD))).containsExactly("email");
            assertThat(fields(client.register("zero\u202E" + email.substring(4), "bidi", PASSWORD)))
                    .containsExactly("email");
        }

        @Test
        void aCyrillicLetterAmongLatinOnesIs400NamingEmailAtRegisterAndLogin() {
            String email = uniqueEmail("alice").toLowerCase();
            assertThat(client.register(email, "latin_alice", PASSWORD).status()).isEqualTo(201);
            String cyrillic = "\u0430" + email.substring(1);

            ApiResponse register = client.register(cyrillic, "cyrillic_alice", PASSWORD);
            assertThat(fields(register)).containsExactly("email");
            assertThat(register.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("must not mix letters of different scripts, such as Latin with Cyrillic or Greek");
            assertThat(fields(client.login(cyrillic, PASSWORD))).containsExactly("email");
            assertThat(fields(client.register("\u03BF" + email.substring(1), "greek_o", PASSWORD)))
                    .containsExactly("email");
        }

        @Test
        void anAddressInOneNonLatinScriptRegistersAndSignsIn() {
            // digits only: the hex letters of a UUID would be Latin among Cyrillic
            String email = "\u0438\u0432\u0430\u043D." + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000)
                    + "@\u043F\u043E\u0447\u0442\u0430.\u0440\u0444";
            assertThat(client.register(email, "ivan", PASSWORD).status()).isEqualTo(201);
            assertThat(client.login(email, PASSWORD).status()).isEqualTo(200);
        }

        @Test
        void aLookAlikeFirstAdminEmailStopsStartUp() {
            FirstAdmin firstAdmin = new FirstAdmin(new FirstAdminProperties("\u0430dmin@example.com", ADMIN_PASSWORD,
                    "boss"), accounts, policy, hasher, outbox, transactions, Clock.systemUTC());

            assertThatThrownBy(firstAdmin::ensureAdmin).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CRYPTOTRACKER_ADMIN_EMAIL").hasMessageContaining("scripts");
        }

        @Test
        void aFullWidthFirstAdminEmailIsGrantedOnThePlainAccount() {
            String email = uniqueEmail("boss").toLowerCase();
            client.register(email, "boss", PASSWORD);

            new FirstAdmin(new FirstAdminProperties(fullWidthLocalPart(email), ADMIN_PASSWORD, "boss"), accounts,
                    policy, hasher, outbox, transactions, Clock.systemUTC()).ensureAdmin();

            assertThat(verify(client.login(email, PASSWORD).text("access_token")).roles())
                    .containsExactlyInAnyOrder("USER", "ADMIN");
        }

        @Test
        void theMigrationRenormalizesStoredEmailsAndLeavesALaterLookAlikeOnItsOldValue() throws Exception {
            String plain = uniqueEmail("mig").toLowerCase();
            assertThat(client.register(plain, "migrated", PASSWORD).status()).isEqualTo(201);
            // two accounts from before NFKC, stored with the old normalization (trimmed and lower-cased only)
            UUID lookAlike = insertOldRow(fullWidthLocalPart(plain));
            String lone = uniqueEmail("lone").toLowerCase();
            UUID fullWidthOnly = insertOldRow(fullWidthLocalPart(lone));

            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new EmailRenormalization().execute(database);
                // Liquibase turns auto-commit off and commits each change set itself
                database.commit();
            }

            assertThat(normalizedEmail(fullWidthOnly)).isEqualTo(lone);
            assertThat(normalizedEmail(lookAlike)).isEqualTo(fullWidthLocalPart(plain));
            assertThat(client.login(fullWidthLocalPart(plain), PASSWORD).status()).isEqualTo(200);
            assertThat(accounts.findByEmail(fullWidthLocalPart(plain)).orElseThrow().username()).isEqualTo("migrated");
        }

        private UUID insertOldRow(String email) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO users (id, email, email_normalized, username, password_hash, roles, tier, status, "
                    + "created_at, updated_at, password_changed_at) VALUES (?, ?, ?, 'old_row', 'x', ARRAY['USER'], "
                    + "'FREE', 'ACTIVE', now(), now(), now())").params(id, email, email.toLowerCase(Locale.ROOT))
                    .update();
            return id;
        }

        private String normalizedEmail(UUID id) {
            return jdbc.sql("SELECT email_normalized FROM users WHERE id = ?").param(id).query(String.class).single();
        }

        /** {@code alice.1@example.com} becomes {@code ａｌｉｃｅ．１@example.com}. */
        private static String fullWidthLocalPart(String email) {
            int at = email.indexOf('@');
            StringBuilder wide = new StringBuilder();
            email.substring(0, at).chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
            return wide + email.substring(at);
        }
    }

    private JsonNode registerAndLogin(String name) {
        String email = uniqueEmail(name);
        assertThat(client.register(email, name.toLowerCase() + "_user", PASSWORD).status()).isEqualTo(201);
        ApiResponse login = client.login(email, PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        return login.json();
    }

    private AuthenticatedUser verify(String accessToken) {
        JWKSet jwks;
        try {
            jwks = JWKSet.parse(api.get("/.well-known/jwks.json").body());
        }
        catch (java.text.ParseException ex) {
            throw new AssertionError(ex);
        }
        return AccessTokens.user(AccessTokens.decoder(new ImmutableJWKSet<>(jwks), new SecurityProperties(
                "cryptotracker", null, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(5),
                List.of())).decode(accessToken));
    }

    private Map<String, RSAPublicKey> servedJwks() {
        Map<String, RSAPublicKey> keys = new HashMap<>();
        try {
            for (JWK jwk : JWKSet.parse(api.get("/.well-known/jwks.json").body()).getKeys()) {
                keys.put(jwk.getKeyID(), jwk.toRSAKey().toRSAPublicKey());
            }
        }
        catch (java.text.ParseException | JOSEException ex) {
            throw new AssertionError(ex);
        }
        return keys;
    }

    private ConsumerRecord<String, String> awaitAudit(String userId, String action) {
        return awaitRecord(Topics.AUDIT, userId, "\"action\":\"" + action + "\"");
    }

    private KafkaProducer<String, String> producer() {
        return KafkaRecords.producer();
    }

    private static List<String> fields(ApiResponse response) {
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields.stream().distinct().toList();
    }

    private static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static String clientIpOf(AuthApi.Caller caller) {
        return caller.clientIp();
    }
}
