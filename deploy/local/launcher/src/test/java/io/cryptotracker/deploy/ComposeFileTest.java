package io.cryptotracker.deploy;

import static io.cryptotracker.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** docker-compose.yml runs every image Jib builds, healthy-first, sized by the memory limit, without a password. */
class ComposeFileTest {

    private static final Path COMPOSE = DeployFiles.ROOT.resolve("docker-compose.yml");

    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)");

    @Test
    @SuppressWarnings("unchecked")
    void everyImageRunsHealthCheckedAfterItsDependenciesWithinAMemoryLimit() throws Exception {
        Map<String, Object> services = (Map<String, Object>) DeployFiles.yaml(COMPOSE).get("services");
        String version = DeployFiles.projectVersion();
        String initScript = DeployFiles.read(DatabaseRolesScriptTest.SCRIPT);

        SoftAssertions softly = new SoftAssertions();
        for (String module : DeployFiles.imageModules()) {
            Object service = services.get(module);
            softly.assertThat(service).as("compose service %s", module).isNotNull();
            if (service == null) {
                continue;
            }
            softly.assertThat(at(service, "image")).as("%s image (the one Jib builds)", module)
                    .isEqualTo("${IMAGE_REGISTRY:-cryptotracker}/" + module + ":${IMAGE_TAG:-" + version + "}");
            softly.assertThat(String.valueOf(at(service, "healthcheck", "test"))).as("%s healthcheck", module).contains("/readyz");
            softly.assertThat(at(service, "deploy", "resources", "limits", "memory")).as("%s memory limit", module).isNotNull();
            String javaOptions = String.valueOf(at(service, "environment", "JAVA_TOOL_OPTIONS"));
            softly.assertThat(javaOptions).as("%s heap", module).contains("MaxRAMPercentage").doesNotContain("-Xmx");
            softly.assertThat(javaOptions).as("%s as in the local run", module).contains("-XX:+UseSerialGC", "-Xss512k");
            softly.assertThat(at(service, "environment", "MALLOC_ARENA_MAX")).as("%s malloc arenas", module).isEqualTo("2");
            softly.assertThat(at(service, "read_only")).as("%s read-only", module).isEqualTo(true);
            Object dependsOn = at(service, "depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((name, condition) -> softly.assertThat(at(condition, "condition"))
                        .as("%s waits for %s", module, name).isEqualTo("service_healthy"));
                dependencies.keySet().forEach(name -> softly.assertThat(at(services.get(name), "healthcheck"))
                        .as("%s, which %s waits for, has a healthcheck", name, module).isNotNull());
            }
            else {
                softly.assertThat(module).as("only discovery starts without dependencies").isEqualTo("discovery");
            }
            Matcher database = DATABASE.matcher(String.valueOf(at(service, "environment", "DB_URL")));
            if (database.find()) {
                softly.assertThat(initScript).as("%s database created by the init script", module).contains(database.group(1));
            }
        }
        for (String secret : List.of("DB_PASSWORD", "POSTGRES_PASSWORD")) {
            for (Object service : services.values()) {
                Object value = at(service, "environment", secret);
                if (value != null) {
                    softly.assertThat(String.valueOf(value)).as("%s comes from .env", secret).startsWith("${");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheGatewayOnItsManagementPortWhichIsNotPublished() throws Exception {
        Map<String, Object> gateway = (Map<String, Object>) ((Map<String, Object>) DeployFiles.yaml(COMPOSE)
                .get("services")).get("gateway");
        String managementPort = String.valueOf(at(gateway, "environment", "GATEWAY_MANAGEMENT_PORT"));
        assertThat(managementPort).isNotEqualTo(String.valueOf(at(gateway, "environment", "GATEWAY_PORT")));
        assertThat(String.valueOf(at(gateway, "ports"))).as("published ports").doesNotContain(managementPort);

        Map<String, Object> prometheus = DeployFiles.yaml(DeployFiles.ROOT.resolve("deploy/compose/prometheus/prometheus.yml"));
        Object job = ((List<Object>) prometheus.get("scrape_configs")).stream()
                .filter(config -> "gateway".equals(at(config, "job_name"))).findFirst().orElseThrow();
        assertThat(String.valueOf(at(job, "static_configs", 0, "targets"))).isEqualTo("[gateway:" + managementPort + "]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachServiceLogsInAsItsOwnDatabaseRoleWhichThePostgresContainerCreates() throws Exception {
        Map<String, Object> services = (Map<String, Object>) DeployFiles.yaml(COMPOSE).get("services");
        Object postgres = services.get("postgres");
        String initScript = DeployFiles.read(DatabaseRolesScriptTest.SCRIPT);
        Pattern ownVariable = Pattern.compile("\\$\\{(([A-Z]+)_DB_USERNAME):-([a-z_]+)}");

        SoftAssertions softly = new SoftAssertions();
        List<String> roles = new ArrayList<>();
        for (String module : DeployFiles.imageModules()) {
            Object environment = at(services.get(module), "environment");
            Matcher database = DATABASE.matcher(String.valueOf(at(environment, "DB_URL")));
            if (!database.find()) {
                softly.assertThat(at(environment, "DB_USERNAME")).as("%s has no database, no DB user", module).isNull();
                softly.assertThat(at(environment, "DB_PASSWORD")).as("%s has no database, no DB password", module)
                        .isNull();
                continue;
            }
            Matcher username = ownVariable.matcher(String.valueOf(at(environment, "DB_USERNAME")));
            softly.assertThat(username.matches()).as("%s DB_USERNAME is its own variable: %s", module,
                    at(environment, "DB_USERNAME")).isTrue();
            if (!username.matches()) {
                continue;
            }
            String prefix = username.group(2);
            String role = username.group(3);
            roles.add(role);
            softly.assertThat(role).as("%s role", module).isEqualTo(module.replace('-', '_'));
            softly.assertThat(String.valueOf(at(environment, "DB_PASSWORD"))).as("%s DB_PASSWORD", module)
                    .startsWith("${" + prefix + "_DB_PASSWORD:?");
            // the postgres container gets the same name and password, and the script pairs them with the database
            softly.assertThat(at(postgres, "environment", prefix + "_DB_USERNAME")).as("postgres knows %s's role", module)
                    .isEqualTo(at(environment, "DB_USERNAME"));
            softly.assertThat(at(postgres, "environment", prefix + "_DB_PASSWORD")).as("postgres knows %s's password",
                    module).isEqualTo(at(environment, "DB_PASSWORD"));
            softly.assertThat(initScript).as("%s: the script gives database %s to role %s", module, database.group(1),
                    role).contains(database.group(1) + ":" + prefix + ":" + role);
        }
        softly.assertThat(roles).as("one role per service").doesNotHaveDuplicates().hasSize(5);
        softly.assertThat(String.valueOf(at(postgres, "volumes")))
                .contains("./deploy/k8s/components/database-roles/service-roles.sh"
                        + ":/docker-entrypoint-initdb.d/10-service-roles.sh:ro");
        softly.assertThat(String.valueOf(services)).as("no service logs in as the superuser")
                .doesNotContain("DB_USERNAME=${POSTGRES_USER");
        softly.assertAll();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryImageWithTheClusterAlertRulesAndTheDashboardsParse() throws Exception {
        Path compose = DeployFiles.ROOT.resolve("deploy/compose");
        Map<String, Object> prometheus = DeployFiles.yaml(compose.resolve("prometheus/prometheus.yml"));
        String scrapes = String.valueOf(prometheus.get("scrape_configs"));
        for (String module : DeployFiles.imageModules()) {
            assertThat(scrapes).as("Prometheus scrapes %s", module).contains("job_name=" + module + ",");
        }
        assertThat(scrapes).doesNotContain("metrics_path=/actuator/health");

        Object composeRules = DeployFiles.yaml(compose.resolve("prometheus/alert-rules.yml")).get("groups");
        Object clusterRules = at(DeployFiles.yaml(DeployFiles.ROOT.resolve(
                "deploy/k8s/components/prometheus-operator/alert-rules.yaml")), "spec", "groups");
        assertThat(composeRules).as("Compose and Kubernetes alert on the same rules").isEqualTo(clusterRules);

        Path dashboards = compose.resolve("grafana/dashboards");
        Path clusterDashboards = DeployFiles.ROOT.resolve("deploy/k8s/components/prometheus-operator/dashboards");
        try (var files = java.nio.file.Files.list(dashboards)) {
            List<Path> json = files.filter(file -> file.toString().endsWith(".json")).toList();
            assertThat(json).isNotEmpty();
            for (Path file : json) {
                assertThat(clusterDashboards.resolve(file.getFileName())).as("the cluster's copy of %s", file)
                        .hasSameTextualContentAs(file);
                Map<String, Object> dashboard = DeployFiles.yaml(file);
                assertThat(dashboard.get("uid")).as("%s uid", file).isNotNull();
                for (Object panel : (List<Object>) dashboard.get("panels")) {
                    assertThat(String.valueOf(at(panel, "targets", 0, "expr"))).as("%s: %s", file, at(panel, "title"))
                            .isNotBlank().isNotEqualTo("null");
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void notificationServiceGetsItsOwnConsumerGroupBoundedDirectMemoryAndRoomForSockets() throws Exception {
        Map<String, Object> services = (Map<String, Object>) DeployFiles.yaml(COMPOSE).get("services");
        Object notifications = services.get("notification-service");
        Map<String, Object> environment = (Map<String, Object>) at(notifications, "environment");

        assertThat(environment).containsKey("NOTIFICATIONS_INSTANCE_ID");
        assertThat(String.valueOf(environment.get("NOTIFICATIONS_INSTANCE_ID"))).as("unique per container, also when scaled")
                .isEqualTo("${NOTIFICATIONS_INSTANCE_ID:-}");
        assertThat(String.valueOf(environment.get("JAVA_TOOL_OPTIONS"))).contains("-XX:MaxDirectMemorySize=");
        assertThat(String.valueOf(environment.get("MAIL_PASSWORD"))).as("from .env, never written here")
                .isEqualTo("${MAIL_PASSWORD:-}");
        assertThat(((Number) at(notifications, "ulimits", "nofile", "soft")).intValue()).isGreaterThanOrEqualTo(65536);
        assertThat(at(services.get("signals-service"), "environment", "SIGNALS_FREE_DELAY"))
                .as("signals-service and notification-service delay FREE users alike")
                .isEqualTo(environment.get("SIGNALS_FREE_DELAY"));
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<List<String>> compose = composeCommand();
        assumeTrue(compose.isPresent(),
                "neither 'docker compose' nor docker-compose is installed: docker-compose.yml was only parsed, not validated by Compose");
        List<String> command = new ArrayList<>(compose.get());
        command.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
        DeployFiles.Result result = DeployFiles.run(Duration.ofSeconds(60), command.toArray(String[]::new));
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.output()).isZero();
    }

    private static Optional<List<String>> composeCommand() throws Exception {
        if (DeployFiles.onPath("docker").isPresent()
                && DeployFiles.run(Duration.ofSeconds(20), "docker", "compose", "version").exitCode() == 0) {
            return Optional.of(List.of("docker", "compose"));
        }
        return DeployFiles.onPath("docker-compose").map(path -> List.of(path.toString()));
    }
}
