package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.cryptotracker.testsupport.DatabaseLogin;
import io.cryptotracker.testsupport.EmbeddedServers;
import io.cryptotracker.testsupport.EmbeddedServersSettings;

/**
 * The suite from its packaged jars for an end-to-end test class: embedded PostgreSQL, Redis and Kafka in the test
 * JVM, discovery, then the chosen services (each in its own JVM on a free port, logging as its own database role,
 * exactly as the local launcher runs them), with the registry tuned to see changes in about a second, and the
 * configured first admin. Start it once per test class; {@link #close()} stops everything.
 */
final class SuiteUnderTest implements AutoCloseable {

    /** The first admin auth-service creates at start-up; the password passes its policy (no "admin", no email part). */
    static final String ADMIN_EMAIL = "ops-lead@example.com";
    static final String ADMIN_PASSWORD = "violet harbour lantern 42";

    // registry changes reach the gateway in about a second instead of the 5 s + 5 s of the local defaults
    private static final List<String> FAST_REGISTRY_SERVER = List.of(
            "-Deureka.server.use-read-only-response-cache=false");
    private static final List<String> FAST_REGISTRY_CLIENT = List.of(
            "-Deureka.client.registry-fetch-interval-seconds=1",
            "-Deureka.client.initial-instance-info-replication-interval-seconds=1",
            "-Deureka.client.instance-info-replication-interval-seconds=1",
            "-Dspring.cloud.loadbalancer.cache.ttl=1s");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final EmbeddedServers infrastructure;
    private final SuiteLauncher launcher;
    private final String discoveryUrl;
    private final String gatewayUrl;

    private SuiteUnderTest(EmbeddedServers infrastructure, SuiteLauncher launcher, int discoveryPort,
            int gatewayPort) {
        this.infrastructure = infrastructure;
        this.launcher = launcher;
        this.discoveryUrl = "http://localhost:" + discoveryPort;
        this.gatewayUrl = "http://localhost:" + gatewayPort;
    }

    /** Which services to start (discovery always runs) and how to adjust each one's spec. */
    static Builder with(SuiteService... services) {
        return new Builder(List.of(services));
    }

    static final class Builder {

        private final Set<SuiteService> services = new LinkedHashSet<>();
        private final Map<SuiteService, UnaryOperator<ServiceSpec>> adjustments = new EnumMap<>(SuiteService.class);

        private Builder(List<SuiteService> services) {
            this.services.add(SuiteService.DISCOVERY);
            this.services.addAll(services);
        }

        /** Changes one service's spec (environment, JVM options) before it starts. */
        Builder adjust(SuiteService service, UnaryOperator<ServiceSpec> adjustment) {
            UnaryOperator<ServiceSpec> before = adjustments.getOrDefault(service, UnaryOperator.identity());
            adjustments.put(service, spec -> adjustment.apply(before.apply(spec)));
            return this;
        }

        /**
         * Starts the embedded servers, discovery, then the other services together, and waits until each is
         * registered in Eureka; fails the test class with the failing service's log tail when one does not start.
         *
         * @param name the directory under {@code target/e2e/} for the services' logs and working directories
         */
        SuiteUnderTest start(String name) {
            Path root = RepositoryRoot.locate();
            ModuleJars jars = ModuleJars.of(root);
            List<String> missing = jars.missing(services.stream().map(SuiteService::serviceName).toList());
            if (!missing.isEmpty()) {
                fail("Missing jar(s): " + String.join(", ", missing) + ". This test starts the packaged services; "
                        + "build them first (./mvnw -B -DskipTests package), or run ./mvnw verify from the repository "
                        + "root.");
            }
            Path work = Path.of("target", "e2e", name).toAbsolutePath();
            EmbeddedServers infrastructure = EmbeddedServers.start(EmbeddedServersSettings.forTests());
            SuiteUnderTest suite = null;
            try {
                // each service logs in as its own role, as the local run does
                List<SuiteService> withDatabase = services.stream()
                        .filter(service -> service.database().isPresent()).toList();
                Map<SuiteService, DatabaseLogin> databaseLogins = ServiceDatabases.provision(infrastructure,
                        withDatabase, work.resolve(ServiceDatabases.PASSWORDS_FILE));
                Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
                for (SuiteService service : services) {
                    ports.put(service, freePort());
                }
                int discoveryPort = ports.get(SuiteService.DISCOVERY);
                SuitePlan plan = new SuitePlan(jars, infrastructure, databaseLogins, discoveryPort,
                        work.resolve("work"), List.of());
                // six services starting at once on two shared cores have taken over four minutes
                SuiteLauncher launcher = new SuiteLauncher(work.resolve("logs"), Duration.ofMinutes(5),
                        Duration.ofSeconds(20), new ProgressToStandardOutput(), null);
                suite = new SuiteUnderTest(infrastructure, launcher,
                        discoveryPort, ports.getOrDefault(SuiteService.GATEWAY, 0));
                launcher.startWave(List.of(plan.spec(SuiteService.DISCOVERY, discoveryPort)
                        .withJvmOptions(FAST_REGISTRY_SERVER)));
                List<ServiceSpec> rest = new ArrayList<>();
                for (SuiteService service : services) {
                    if (service != SuiteService.DISCOVERY) {
                        ServiceSpec spec = plan.spec(service, ports.get(service)).withJvmOptions(FAST_REGISTRY_CLIENT);
                        if (service == SuiteService.GATEWAY) {
                            // its actuator port too: a local run on the same machine holds the default 8090
                            spec = spec.withEnvironment("GATEWAY_MANAGEMENT_PORT", Integer.toString(freePort()));
                        }
                        if (service == SuiteService.AUTH_SERVICE) {
                            spec = spec.withEnvironment("CRYPTOTRACKER_ADMIN_EMAIL", ADMIN_EMAIL)
                                    .withEnvironment("CRYPTOTRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
                        }
                        rest.add(adjustments.getOrDefault(service, UnaryOperator.identity()).apply(spec));
                    }
                }
                launcher.startWave(rest);
                for (SuiteService service : services) {
                    if (service != SuiteService.DISCOVERY && service != SuiteService.GATEWAY) {
                        suite.awaitRegistered(service.serviceName().toUpperCase(java.util.Locale.ROOT));
                    }
                }
                return suite;
            }
            catch (ServiceFailure failure) {
                stopQuietly(suite, infrastructure);
                return fail(failure.report());
            }
            catch (IOException ex) {
                stopQuietly(suite, infrastructure);
                throw new UncheckedIOException(ex);
            }
            catch (RuntimeException | Error ex) {
                stopQuietly(suite, infrastructure);
                throw ex;
            }
        }

        private static void stopQuietly(SuiteUnderTest suite, EmbeddedServers infrastructure) {
            if (suite != null) {
                suite.close();
            }
            else {
                infrastructure.stop();
            }
        }
    }

    String gatewayUrl() {
        return gatewayUrl;
    }

    String discoveryUrl() {
        return discoveryUrl;
    }

    EmbeddedServers infrastructure() {
        return infrastructure;
    }

    HttpClient http() {
        return http;
    }

    /** Waits until Eureka lists the application (its name upper-cased, e.g. {@code AUTH-SERVICE}). */
    void awaitRegistered(String application) {
        await(application + " registered in Eureka").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(discoveryUrl + "/eureka/apps/" + application))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
    }

    /**
     * Waits for one request through the gateway that auth-service itself answers (400 for an empty registration),
     * so the gateway's registry knows auth-service; spends one request of the anonymous rate limit per try.
     */
    void awaitGatewayRoutesToAuthService() {
        await("gateway routes /api/v1/auth/** to auth-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create(gatewayUrl + "/api/v1/auth/register"))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("gateway answer %s", response.body())
                            .isNotIn(404, 429, 500, 502, 503, 504);
                });
    }

    /** Stops the services (later waves first), then the embedded servers. */
    @Override
    public void close() {
        try {
            launcher.stopAll();
        }
        finally {
            infrastructure.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final class ProgressToStandardOutput implements SuiteLauncher.Listener {

        @Override
        public void starting(ServiceSpec service) {
            System.out.println("starting " + service.name() + " on port " + service.port());
        }

        @Override
        public void healthy(ServiceProcess service, Duration startUp) {
            System.out.println(service.spec().name() + " up in " + startUp.toMillis() + " ms");
        }
    }
}
