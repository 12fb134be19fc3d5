package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsAndSettingsTest {

    @Test
    void withoutArgumentsEveryServiceStartsAndDataIsKept() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.fresh()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.services()).containsExactly(SuiteService.values());
    }

    @Test
    void onlyKeepsDiscoveryAndTheNamedServices() {
        assertThat(LaunchOptions.parse("--fresh", "--only", "gateway,auth-service").services())
                .containsExactly(SuiteService.DISCOVERY, SuiteService.GATEWAY, SuiteService.AUTH_SERVICE);
        assertThat(LaunchOptions.parse("--only=user-service").services())
                .containsExactly(SuiteService.DISCOVERY, SuiteService.USER_SERVICE);
        assertThat(LaunchOptions.parse("--fresh").fresh()).isTrue();
    }

    @Test
    void trainStartsTheWholeSuiteOnTheDataKept() {
        LaunchOptions train = LaunchOptions.parse("--train");

        assertThat(train.train()).isTrue();
        assertThat(train.services()).containsExactly(SuiteService.values());
        assertThat(LaunchOptions.parse().train()).isFalse();
        assertThatThrownBy(() -> LaunchOptions.parse("--train", "--fresh")).hasMessageContaining("--train");
        assertThatThrownBy(() -> LaunchOptions.parse("--train", "--only", "gateway")).hasMessageContaining("--train");
        assertThat(LaunchOptions.usage()).contains("--train");
    }

    @Test
    void unknownOptionsAndServicesAreRefused() {
        assertThatThrownBy(() -> LaunchOptions.parse("--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> LaunchOptions.parse("--only", "auth,gateway")).hasMessageContaining("auth");
    }

    @Test
    void defaultsAreTheContractPorts() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of());

        assertThat(settings.postgresPort()).isEqualTo(5432);
        assertThat(settings.redisPort()).isEqualTo(6379);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.port(SuiteService.DISCOVERY)).isEqualTo(8761);
        assertThat(settings.port(SuiteService.GATEWAY)).isEqualTo(8080);
        assertThat(settings.port(SuiteService.AUTH_SERVICE)).isEqualTo(8081);
        assertThat(settings.port(SuiteService.NOTIFICATION_SERVICE)).isEqualTo(8085);
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.serviceJavaOptions()).isEmpty();
    }

    @Test
    void portsTimeoutsAndJavaOptionsComeFromTheEnvironment() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("POSTGRES_PORT", "15432",
                "GATEWAY_PORT", "9080", "USER_SERVICE_PORT", "9082", "STARTUP_TIMEOUT_SECONDS", "60",
                "SERVICE_JAVA_OPTS", " -Xmx384m  -Dfoo=bar "));

        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.port(SuiteService.GATEWAY)).isEqualTo(9080);
        assertThat(settings.port(SuiteService.USER_SERVICE)).isEqualTo(9082);
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.serviceJavaOptions()).containsExactly("-Xmx384m", "-Dfoo=bar");
    }

    @Test
    void malformedValuesNameTheVariable() {
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("KAFKA_PORT", "nine")))
                .hasMessageContaining("KAFKA_PORT");
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("REDIS_PORT", "70000")))
                .hasMessageContaining("REDIS_PORT");
    }

    @Test
    void everyServiceGetsTheCompactJvmFlagsAndItsDatabase() {
        assertThat(SuiteService.AUTH_SERVICE.jvmOptions()).startsWith("-Xmx256m", "-Xms32m").contains(
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=192m");
        if (Runtime.version().feature() >= 25) {
            assertThat(SuiteService.AUTH_SERVICE.jvmOptions()).contains("-XX:+UseCompactObjectHeaders");
        }
        assertThat(SuiteService.databases()).containsExactly("auth", "users", "market", "signals", "notifications");
        assertThat(SuiteService.GATEWAY.database()).isEmpty();
    }

    @Test
    void discoveryIsPlannedBeforeTheInfrastructureIsUpAndEveryServiceGetsTwoMallocArenas() {
        Path root = Path.of("/repo");
        SuitePlan beforeInfrastructure = new SuitePlan(new ModuleJars(root, "1.0"), null, Map.of(), 8761,
                root.resolve("work"), List.of("-Dextra=1"));

        ServiceSpec discovery = beforeInfrastructure.spec(SuiteService.DISCOVERY, 8761);

        assertThat(discovery.environment()).containsEntry("EUREKA_URL", "http://localhost:8761/eureka/")
                .containsEntry("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"))
                .doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "REDIS_HOST", "DB_URL");
        assertThat(discovery.jar()).isEqualTo(root.resolve("discovery/target/discovery-1.0.jar"));
        assertThat(discovery.jvmOptions()).startsWith("-Xmx192m", "-Xms32m").endsWith("-Dextra=1");
        assertThat(discovery.withJar(root.resolve("discovery/target/startup/discovery-1.0.jar")).command(Path.of("java")))
                .endsWith("-jar", "/repo/discovery/target/startup/discovery-1.0.jar");
    }

    @Test
    void structuredLogLinesAreShortenedToLevelLoggerMessageAndError() {
        String line = "{\"@timestamp\":\"2026-11-23T23:18:43.647041435Z\",\"log\":{\"level\":\"ERROR\","
                + "\"logger\":\"org.springframework.boot.SpringApplication\"},\"message\":\"Application run failed\","
                + "\"error\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"boom\","
                + "\"stack_trace\":\"at a.b.C\"}}";

        assertThat(LogTail.readable(line)).isEqualTo("23:18:43.647 ERROR org.springframework.boot.SpringApplication"
                + " - Application run failed\n    java.lang.IllegalStateException: boom");
        assertThat(LogTail.readable("plain text")).isEqualTo("plain text");
    }

    @Test
    void healthIsUpOnlyWhenTheTopLevelStatusIs() {
        assertThat(ServiceProcess.isStatusUp("{\"groups\":[\"liveness\"],\"status\":\"UP\"}")).isTrue();
        assertThat(ServiceProcess.isStatusUp("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"UP\"}}}"))
                .isFalse();
        assertThat(ServiceProcess.isStatusUp("not json")).isFalse();
    }
}
