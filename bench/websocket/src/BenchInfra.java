import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.cryptotracker.common.events.Topics;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.cryptotracker.testsupport.EmbeddedServersSettings;
import io.cryptotracker.testsupport.TestJwtIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The benchmark's infrastructure in one JVM: embedded PostgreSQL (databases {@code notifications} and {@code signals}), Redis (the
 * gateway's rate limiter) and a Kafka KRaft broker on fixed loopback ports, plus a JWKS endpoint played by
 * common-lib's {@link TestJwtIssuer} (what the services' tests use in place of auth-service). The issuer's private key
 * (PKCS#8 PEM) and key id are written to the work directory so the load client can mint VIP access tokens that both
 * notification-service and the gateway verify through their production code path.
 *
 * <p>Usage: {@code BenchInfra <workDir> <postgresPort> <redisPort> <kafkaPort>}; writes {@code <workDir>/infra.ready}
 * when everything is up and stops everything on SIGTERM.
 */
public final class BenchInfra {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int postgres = Integer.parseInt(args[1]);
        int redis = Integer.parseInt(args[2]);
        int kafka = Integer.parseInt(args[3]);
        Files.createDirectories(work);
        EmbeddedServers servers = EmbeddedServers.start(
                new EmbeddedServersSettings(null, false, postgres, redis, kafka, work.resolve("logs")));
        TestJwtIssuer issuer = new TestJwtIssuer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.close();
            servers.stop();
            stopped.countDown();
        }, "bench-infra-stop"));
        servers.createDatabase("notifications");
        servers.createDatabase("signals"); // signals-service, for the end-to-end run (run.sh e2e)
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.kafkaBootstrapServers()))) {
            // the partition count the services declare (cryptotracker.kafka.partitions, 3)
            admin.createTopics(List.of(new NewTopic(Topics.SIGNALS, 3, (short) 1),
                    new NewTopic(Topics.USERS, 3, (short) 1))).all().get();
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(issuer.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(work.resolve("signing-key.pem"), pem);
        Files.writeString(work.resolve("signing-key.kid"), issuer.keyId());
        Files.writeString(work.resolve("jwks-uri"), issuer.jwksUri());
        Files.writeString(work.resolve("kafka"), servers.kafkaBootstrapServers());
        Files.writeString(work.resolve("postgres-url"), servers.jdbcUrl("notifications"));
        Files.writeString(work.resolve("postgres-url-signals"), servers.jdbcUrl("signals"));
        Files.writeString(work.resolve("infra.ready"), Long.toString(ProcessHandle.current().pid()));
        System.out.println("bench infrastructure up: PostgreSQL " + servers.postgresPort() + ", Redis "
                + servers.redisPort() + ", Kafka " + servers.kafkaBootstrapServers() + ", JWKS " + issuer.jwksUri());
        stopped.await();
    }
}
