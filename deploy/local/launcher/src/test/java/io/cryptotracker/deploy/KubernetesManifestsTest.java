package io.cryptotracker.deploy;

import static io.cryptotracker.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every Kustomize overlay with kubectl and checks what a cluster would get. */
class KubernetesManifestsTest {

    private static final Path K8S = DeployFiles.ROOT.resolve("deploy/k8s");

    @BeforeAll
    static void kubectlIsThere() {
        assumeTrue(DeployFiles.onPath("kubectl").isPresent(),
                "kubectl is not on the PATH: the Kustomize overlays were not rendered (install kubectl to check them)");
    }

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyDeploymentHasProbesResourcesANonRootReadOnlyContainerAndAService(String overlay) throws Exception {
        List<Map<String, Object>> objects = render(overlay);
        List<Map<String, Object>> deployments = ofKind(objects, "Deployment");
        assertThat(names(deployments)).as("a Deployment per image module")
                .containsAll(DeployFiles.imageModules());

        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            Object pod = at(deployment, "spec", "template", "spec");
            softly.assertThat(at(pod, "enableServiceLinks")).as("%s enableServiceLinks", name).isEqualTo(false);
            softly.assertThat(at(pod, "securityContext", "runAsNonRoot")).as("%s pod runAsNonRoot", name).isEqualTo(true);
            for (Object container : (List<?>) at(pod, "containers")) {
                String where = name + "/" + at(container, "name");
                softly.assertThat(at(container, "startupProbe", "httpGet", "path")).as("%s startup probe", where).isEqualTo("/livez");
                softly.assertThat(at(container, "livenessProbe", "httpGet", "path")).as("%s liveness probe", where).isEqualTo("/livez");
                softly.assertThat(at(container, "readinessProbe", "httpGet", "path")).as("%s readiness probe", where).isEqualTo("/readyz");
                softly.assertThat(at(container, "resources", "requests", "cpu")).as("%s cpu request", where).isNotNull();
                softly.assertThat(at(container, "resources", "requests", "memory")).as("%s memory request", where).isNotNull();
                softly.assertThat(at(container, "resources", "limits", "memory")).as("%s memory limit", where).isNotNull();
                Object security = at(container, "securityContext");
                softly.assertThat(at(security, "runAsNonRoot")).as("%s runAsNonRoot", where).isEqualTo(true);
                softly.assertThat(at(security, "readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", where).isEqualTo(true);
                softly.assertThat(at(security, "allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", where).isEqualTo(false);
                softly.assertThat(String.valueOf(at(security, "capabilities", "drop"))).as("%s drops capabilities", where).isEqualTo("[ALL]");
                softly.assertThat(String.valueOf(at(container, "volumeMounts"))).as("%s writable /tmp", where).contains("mountPath=/tmp");
                softly.assertThat(String.valueOf(at(container, "image"))).as("%s image tag", where).contains(":").doesNotEndWith(":latest");
                softly.assertThat(String.valueOf(at(container, "env"))).as("%s heap sizing", where)
                        .contains("MaxRAMPercentage").doesNotContain("-Xmx").contains("-XX:+UseSerialGC", "-Xss512k");
                softly.assertThat(mebibytes(at(container, "resources", "requests", "memory")))
                        .as("%s memory request within its limit", where)
                        .isLessThanOrEqualTo(mebibytes(at(container, "resources", "limits", "memory")));
            }
            Object labels = at(deployment, "spec", "template", "metadata", "labels");
            softly.assertThat(ofKind(objects, "Service").stream()
                            .filter(service -> selects(at(service, "spec", "selector"), labels))
                            .map(KubernetesManifestsTest::name))
                    .as("%s has a Service selecting its pods", name).contains(name);
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void theIngressNeverRoutesActuatorAndSendsWebSocketsStraightToNotificationService(String overlay) throws Exception {
        List<Map<String, Object>> objects = render(overlay);
        Set<String> services = names(ofKind(objects, "Service"));
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            for (Object rule : (List<?>) at(ingress, "spec", "rules")) {
                for (Object path : (List<?>) at(rule, "http", "paths")) {
                    String prefix = String.valueOf(at(path, "path"));
                    Object backend = at(path, "backend", "service", "name");
                    assertThat(at(path, "backend", "service", "port", "name")).as("the port %s goes to", prefix)
                            .isEqualTo("http");
                    assertThat(prefix).as("a public route").isNotIn("/", "/actuator", "/livez", "/readyz")
                            .doesNotStartWith("/actuator");
                    assertThat(services).as("backend of %s", prefix).contains(String.valueOf(backend));
                    if (prefix.startsWith("/ws")) {
                        assertThat(backend).isEqualTo("notification-service");
                    }
                    else {
                        assertThat(backend).as("%s goes through the gateway", prefix).isEqualTo("gateway");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void notificationServiceScalesOutWithAConsumerGroupPerPodAndLongLivedSockets(String overlay) throws Exception {
        List<Map<String, Object>> objects = render(overlay);
        Map<String, Object> deployment = ofKind(objects, "Deployment").stream()
                .filter(object -> name(object).equals("notification-service")).findFirst().orElseThrow();
        Object container = at(deployment, "spec", "template", "spec", "containers", 0);
        Map<String, Object> env = new java.util.HashMap<>();
        for (Object variable : (List<?>) at(container, "env")) {
            env.put(String.valueOf(at(variable, "name")),
                    at(variable, "value") != null ? at(variable, "value") : at(variable, "valueFrom"));
        }
        assertThat(String.valueOf(env.get("NOTIFICATIONS_INSTANCE_ID"))).as("one LIVE consumer group per pod")
                .contains("fieldPath=metadata.name");
        assertThat(String.valueOf(env.get("JAVA_TOOL_OPTIONS"))).as("Reactor Netty's direct buffers bounded")
                .contains("-XX:MaxDirectMemorySize=");
        assertThat(String.valueOf(at(container, "envFrom"))).as("SMTP credentials by reference")
                .contains("name=notification-service-secrets, optional=true")
                .contains("notification-service-config");
        assertThat(((Number) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds")).intValue())
                .as("time to close the sockets with 1001").isGreaterThanOrEqualTo(30);

        Map<String, Object> websocketIngress = ofKind(objects, "Ingress").stream()
                .filter(ingress -> String.valueOf(at(ingress, "spec", "rules", 0, "http", "paths", 0, "path")).equals("/ws"))
                .findFirst().orElseThrow();
        assertThat(Integer.parseInt(String.valueOf(at(websocketIngress, "metadata", "annotations",
                "nginx.ingress.kubernetes.io/proxy-read-timeout")))).as("outlasts the 90 s idle close").isGreaterThanOrEqualTo(120);
        assertThat(at(websocketIngress, "metadata", "annotations", "nginx.ingress.kubernetes.io/enable-access-log"))
                .as("?ticket= never in an access log").isEqualTo("false");

        List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
        if (!policies.isEmpty()) {
            assertThat(policies).as("the ingress controller reaches notification-service's sockets")
                    .anySatisfy(policy -> {
                        assertThat(at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))
                                .isEqualTo("notification-service");
                        assertThat(String.valueOf(at(policy, "spec", "ingress", 0, "from"))).contains("ingress-nginx");
                    });
            assertThat(policies).as("the gateway reaches notification-service (tickets at /internal)")
                    .anySatisfy(policy -> {
                        assertThat(at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/part-of"))
                                .isEqualTo("cryptotracker");
                        assertThat(String.valueOf(at(policy, "spec", "ingress", 0, "from")))
                                .contains("app.kubernetes.io/part-of=cryptotracker");
                    });
        }
        if (overlay.equals("production")) {
            assertThat(ofKind(objects, "HorizontalPodAutoscaler")).anySatisfy(hpa -> {
                assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("notification-service");
                assertThat(((Number) at(hpa, "spec", "minReplicas")).intValue()).isGreaterThanOrEqualTo(2);
            });
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void eachServiceWithADatabaseLogsInWithItsOwnRoleFromItsOwnSecret(String overlay) throws Exception {
        List<Map<String, Object>> objects = render(overlay);

        SoftAssertions softly = new SoftAssertions();
        int withDatabase = 0;
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            String name = name(deployment);
            Object container = at(deployment, "spec", "template", "spec", "containers", 0);
            List<String> secrets = ((List<?>) at(container, "envFrom")).stream()
                    .map(source -> at(source, "secretRef", "name")).filter(Objects::nonNull).map(String::valueOf)
                    .toList();
            softly.assertThat(secrets).as("%s: no shared database secret", name)
                    .noneMatch(secret -> secret.startsWith("cryptotracker-db"));
            if (!String.valueOf(at(container, "env")).contains("name=DB_URL")) {
                softly.assertThat(secrets).as("%s has no database, no database secret", name)
                        .noneMatch(secret -> secret.startsWith(name + "-db"));
                continue;
            }
            withDatabase++;
            softly.assertThat(secrets).as("%s reads its own <service>-db secret", name)
                    .anyMatch(secret -> secret.equals(name + "-db") || secret.matches(name + "-db-[a-z0-9]{10}"));
        }
        softly.assertThat(withDatabase).as("services with a database").isEqualTo(5);
        ofKind(objects, "ConfigMap").stream().filter(map -> name(map).startsWith("cryptotracker-config"))
                .forEach(map -> softly.assertThat(at(map, "data", "DB_USERNAME"))
                        .as("the shared ConfigMap names no DB user").isNull());
        softly.assertAll();
    }

    @Test
    void theLocalClusterCreatesEachRoleWithTheComposeScriptFromTheServicesOwnSecrets() throws Exception {
        List<Map<String, Object>> objects = render("local");

        Map<String, String> roles = ofKind(objects, "Secret").stream()
                .filter(secret -> at(secret, "data", "DB_USERNAME") != null)
                .collect(Collectors.toMap(secret -> name(secret).replaceFirst("-[a-z0-9]{10}$", ""),
                        secret -> decode(at(secret, "data", "DB_USERNAME"))));
        assertThat(roles).containsOnly(Map.entry("auth-service-db", "auth_service"),
                Map.entry("user-service-db", "user_service"), Map.entry("market-service-db", "market_service"),
                Map.entry("signals-service-db", "signals_service"),
                Map.entry("notification-service-db", "notification_service"));
        assertDatabaseRolesJob(objects);
        assertThat(String.valueOf(ofKind(objects, "StatefulSet"))).as("no second way of creating databases")
                .doesNotContain("docker-entrypoint-initdb.d");
    }

    @Test
    void theDatabaseRolesComponentAddsTheJobToProductionWithoutRenderingASecret() throws Exception {
        Path dir = DeployFiles.ROOT.resolve("deploy/local/launcher/target/kustomize-database-roles");
        Files.createDirectories(dir);
        Path k8s = dir.relativize(K8S);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s/overlays/production
                components:
                  - %s/components/database-roles
                """.formatted(k8s, k8s));

        List<Map<String, Object>> objects = render(dir);

        assertDatabaseRolesJob(objects);
        assertThat(ofKind(objects, "Secret")).as("secrets are created out of band").isEmpty();
        assertThat(ofKind(render("production"), "Job")).as("opt-in: production has no Job by default").isEmpty();
    }

    /** The Job runs the Compose script unchanged, with each role's name and password from the service's Secret. */
    private static void assertDatabaseRolesJob(List<Map<String, Object>> objects) throws IOException {
        Map<String, Object> job = ofKind(objects, "Job").stream().filter(object -> name(object).equals("database-roles"))
                .findFirst().orElseThrow();
        Map<String, Object> script = ofKind(objects, "ConfigMap").stream()
                .filter(map -> name(map).startsWith("database-roles-script")).findFirst().orElseThrow();
        assertThat(at(script, "data", "service-roles.sh")).as("the script, unchanged")
                .isEqualTo(DeployFiles.read(DatabaseRolesScriptTest.SCRIPT));
        assertThat(String.valueOf(at(job, "spec", "template", "spec", "volumes"))).contains(name(script));
        List<?> env = (List<?>) at(job, "spec", "template", "spec", "containers", 0, "env");
        Map<String, String> secretOf = env.stream().filter(variable -> at(variable, "valueFrom", "secretKeyRef") != null)
                .collect(Collectors.toMap(variable -> String.valueOf(at(variable, "name")),
                        variable -> at(variable, "valueFrom", "secretKeyRef", "name") + "/"
                                + at(variable, "valueFrom", "secretKeyRef", "key")));
        for (String[] service : new String[][] { { "AUTH", "auth-service" }, { "USER", "user-service" },
                { "MARKET", "market-service" }, { "SIGNALS", "signals-service" },
                { "NOTIFICATION", "notification-service" } }) {
            assertThat(secretOf.get(service[0] + "_DB_USERNAME")).matches(service[1] + "-db(-[a-z0-9]{10})?/DB_USERNAME");
            assertThat(secretOf.get(service[0] + "_DB_PASSWORD")).matches(service[1] + "-db(-[a-z0-9]{10})?/DB_PASSWORD");
        }
        assertThat(secretOf.get("PGPASSWORD")).matches("postgres-admin(-[a-z0-9]{10})?/PGPASSWORD");
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode(String.valueOf(base64)), StandardCharsets.UTF_8);
    }

    @Test
    void productionScalesEveryServiceAndKeepsItsSecretsOutOfTheManifests() throws Exception {
        List<Map<String, Object>> objects = render("production");
        Set<String> scaled = ofKind(objects, "HorizontalPodAutoscaler").stream()
                .map(hpa -> String.valueOf(at(hpa, "spec", "scaleTargetRef", "name"))).collect(Collectors.toSet());
        Set<String> deployments = names(ofKind(objects, "Deployment"));

        assertThat(scaled).containsExactlyInAnyOrderElementsOf(
                deployments.stream().filter(name -> !name.equals("discovery")).toList());
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            if (scaled.contains(name(deployment))) {
                assertThat(at(deployment, "spec", "replicas")).as("%s replicas left to its HPA", name(deployment)).isNull();
            }
        }
        assertThat(names(ofKind(objects, "PodDisruptionBudget"))).containsAll(deployments);
        assertThat(names(ofKind(objects, "NetworkPolicy"))).contains("default-deny-ingress");
        assertThat(ofKind(objects, "Secret")).as("secrets are created out of band, never rendered").isEmpty();
        assertThat(String.valueOf(ofKind(objects, "Deployment"))).contains("prometheus.io/scrape=true");
    }

    @Test
    void theWebSocketAutoscalingComponentAddsOpenSocketsPerPodToNotificationServicesHpa() throws Exception {
        // the opt-in component on top of the production overlay, as its comment tells to add it
        Path dir = DeployFiles.ROOT.resolve("deploy/local/launcher/target/kustomize-websocket-autoscaling");
        Files.createDirectories(dir);
        Path k8s = dir.relativize(K8S);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s/overlays/production
                components:
                  - %s/components/websocket-autoscaling
                """.formatted(k8s, k8s));

        List<Map<String, Object>> objects = render(dir);

        Map<String, Object> hpa = ofKind(objects, "HorizontalPodAutoscaler").stream()
                .filter(object -> name(object).equals("notification-service")).findFirst().orElseThrow();
        List<?> metrics = (List<?>) at(hpa, "spec", "metrics");
        assertThat(metrics).as("CPU stays, open sockets join").hasSize(2)
                .anySatisfy(metric -> assertThat(at(metric, "resource", "name")).isEqualTo("cpu"))
                .anySatisfy(metric -> {
                    assertThat(at(metric, "pods", "metric", "name")).isEqualTo("notifications_ws_connections");
                    assertThat(at(metric, "pods", "target", "averageValue")).isEqualTo("5000");
                });
        Map<String, Object> adapter = DeployFiles.yaml(K8S.resolve(
                "components/websocket-autoscaling/prometheus-adapter-values.yaml"));
        assertThat(String.valueOf(at(adapter, "rules", "custom", 0, "seriesQuery")))
                .as("prometheus-adapter serves the gauge notification-service registers")
                .startsWith("notifications_ws_connections{");
        assertThat(at(adapter, "rules", "custom", 0, "name", "as")).isEqualTo("notifications_ws_connections");
        assertThat(ofKind(render("production"), "HorizontalPodAutoscaler").stream()
                .filter(object -> name(object).equals("notification-service"))
                .map(object -> (List<?>) at(object, "spec", "metrics"))).as("opt-in: production scales on CPU alone")
                .allSatisfy(list -> assertThat(list).hasSize(1));
    }

    @Test
    void prometheusScrapesTheGatewayOnItsManagementPortWhichOnlyTheMonitoringNamespaceReaches() throws Exception {
        List<Map<String, Object>> objects = render("production");
        Map<String, Object> gateway = ofKind(objects, "Deployment").stream()
                .filter(object -> name(object).equals("gateway")).findFirst().orElseThrow();
        Object container = at(gateway, "spec", "template", "spec", "containers", 0);
        Object managementPort = ((List<?>) at(container, "ports")).stream()
                .filter(port -> "management".equals(at(port, "name"))).map(port -> at(port, "containerPort"))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(at(container, "env"))).contains("name=GATEWAY_MANAGEMENT_PORT, value=" + managementPort);
        assertThat(at(gateway, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
                .isEqualTo(String.valueOf(managementPort));

        List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
        assertThat(policies).filteredOn(policy -> String.valueOf(at(policy, "spec", "ingress")).contains("port=management"))
                .as("only Prometheus reaches the management port").singleElement()
                .satisfies(policy -> assertThat(String.valueOf(at(policy, "spec", "ingress", 0, "from"))).contains("monitoring"));

        List<Map<String, Object>> monitors = DeployFiles.yamlDocuments(DeployFiles.read(
                K8S.resolve("components/prometheus-operator/service-monitor.yaml")));
        assertThat(monitors).anySatisfy(monitor -> {
            assertThat(at(monitor, "spec", "selector", "matchLabels", "app.kubernetes.io/name")).isEqualTo("gateway");
            assertThat(at(monitor, "spec", "endpoints", 0, "port")).isEqualTo("management");
        });
        assertThat(monitors).anySatisfy(monitor ->
                assertThat(String.valueOf(at(monitor, "spec", "selector", "matchExpressions"))).contains("NotIn")
                        .contains("gateway"));
    }

    @Test
    void theAlertRulesParse() throws Exception {
        Map<String, Object> rules = DeployFiles.yaml(K8S.resolve("components/prometheus-operator/alert-rules.yaml"));
        List<?> groups = (List<?>) at(rules, "spec", "groups");
        assertThat(groups).isNotEmpty();
        for (Object group : groups) {
            for (Object rule : (List<?>) at(group, "rules")) {
                assertThat(at(rule, "alert")).isNotNull();
                assertThat(String.valueOf(at(rule, "expr"))).isNotBlank();
                assertThat(at(rule, "labels", "severity")).as("severity of %s", at(rule, "alert")).isNotNull();
            }
        }
    }

    private static List<Map<String, Object>> render(String overlay) throws Exception {
        return render(K8S.resolve("overlays").resolve(overlay));
    }

    private static List<Map<String, Object>> render(Path kustomization) throws Exception {
        DeployFiles.Result result = DeployFiles.run(Duration.ofSeconds(60), "kubectl", "kustomize",
                kustomization.toString());
        assertThat(result.exitCode()).as("kubectl kustomize %s: %s", kustomization, result.output()).isZero();
        return DeployFiles.yamlDocuments(result.output());
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata", "name"));
    }

    private static Set<String> names(List<Map<String, Object>> objects) {
        return objects.stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet());
    }

    private static boolean selects(Object selector, Object labels) {
        return selector instanceof Map<?, ?> wanted && !wanted.isEmpty() && labels instanceof Map<?, ?> have
                && have.entrySet().containsAll(wanted.entrySet());
    }

    /** "384Mi" or "1Gi" in MiB. */
    private static long mebibytes(Object quantity) {
        String value = String.valueOf(quantity);
        if (value.endsWith("Gi")) {
            return Long.parseLong(value.substring(0, value.length() - 2)) * 1024;
        }
        return Long.parseLong(value.substring(0, value.length() - 2));
    }
}
