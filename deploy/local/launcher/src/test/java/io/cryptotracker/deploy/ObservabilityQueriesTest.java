package io.cryptotracker.deploy;

import static io.cryptotracker.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and Grafana dashboards query metrics that exist. There is no promtool here, so the PromQL is read
 * by this test: every metric name in an alert's or a panel's expression must be one the services register in their
 * code ({@code Counter.builder("x.y")}, {@code Gauge.builder}, {@code Timer.builder}, {@code registry.gauge}, under
 * Prometheus' naming: dots to underscores, {@code _total} for counters, {@code _seconds_bucket|_count|_sum|_max} for
 * timers) or one of the framework families (JVM, HTTP server, Kafka client, {@code up}...). A renamed meter then fails
 * here instead of leaving a silent alert. It also checks that the service level indicators of the operations guide
 * have their alert and their panel.
 */
class ObservabilityQueriesTest {

    /** Families Spring Boot, Micrometer and Prometheus themselves export. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("up", "http_server_requests_seconds_",
            "http_client_requests_seconds_", "jvm_", "process_", "system_", "kafka_consumer_", "kafka_producer_",
            "spring_kafka_", "hikaricp_", "jdbc_", "executor_", "reactor_netty_", "spring_cloud_gateway_",
            "lettuce_", "logback_events_total", "application_ready_time_seconds", "application_started_time_seconds");

    private static final Pattern METER = Pattern.compile(
            "(Counter|FunctionCounter|Gauge|TimeGauge|Timer|FunctionTimer|LongTaskTimer|DistributionSummary)"
                    + "\\s*\\.\\s*builder\\(\\s*\"([a-z0-9_.]+)\"|\\.gauge\\(\\s*\"([a-z0-9_.]+)\"");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");

    private static final Map<String, String> ALERTS = new LinkedHashMap<>();
    private static final Map<String, List<String>> PANELS = new LinkedHashMap<>();
    private static Set<String> registered;

    @BeforeAll
    static void readRulesDashboardsAndMeters() throws IOException {
        Map<String, Object> rules = DeployFiles.yaml(DeployFiles.ROOT.resolve(
                "deploy/k8s/components/prometheus-operator/alert-rules.yaml"));
        for (Object group : (List<?>) at(rules, "spec", "groups")) {
            for (Object rule : (List<?>) at(group, "rules")) {
                ALERTS.put(String.valueOf(at(rule, "alert")), String.valueOf(at(rule, "expr")));
            }
        }
        try (Stream<Path> files = Files.list(DeployFiles.ROOT.resolve("deploy/compose/grafana/dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                Map<String, Object> dashboard = DeployFiles.yaml(file);
                for (Object panel : (List<?>) dashboard.get("panels")) {
                    List<String> expressions = new ArrayList<>();
                    for (Object target : (List<?>) at(panel, "targets")) {
                        expressions.add(String.valueOf(at(target, "expr")));
                    }
                    PANELS.put(file.getFileName() + ": " + at(panel, "title"), expressions);
                }
            }
        }
        registered = registeredMeters();
    }

    @Test
    void everyAlertAndPanelQueriesAMetricTheServicesExport() {
        SoftAssertions softly = new SoftAssertions();
        ALERTS.forEach((alert, expr) -> {
            softly.assertThat(metricNames(expr)).as("metrics of alert %s", alert).isNotEmpty();
            metricNames(expr).forEach(metric -> softly.assertThat(exported(metric))
                    .as("alert %s queries %s, which no service registers", alert, metric).isTrue());
        });
        PANELS.forEach((panel, expressions) -> expressions.forEach(expr -> {
            softly.assertThat(metricNames(expr)).as("metrics of panel %s", panel).isNotEmpty();
            metricNames(expr).forEach(metric -> softly.assertThat(exported(metric))
                    .as("panel %s queries %s, which no service registers", panel, metric).isTrue());
        }));
        softly.assertAll();
    }

    @Test
    void theServiceLevelIndicatorsHaveTheirAlerts() {
        assertThat(ALERTS.get("OutboxBacklog")).contains("cryptotracker_outbox_pending");
        assertThat(ALERTS.get("KafkaConsumerLag")).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(ALERTS.get("NotificationsSlowReadersClosed"))
                .contains("rate(notifications_ws_connections_closed_total{reason=\"slow_reader\"}");
        assertThat(ALERTS.get("NotificationsSignalDeliverySlow").trim()).as("p99 over 1 s")
                .contains("histogram_quantile(0.99", "notifications_signal_delivery_seconds_bucket").endsWith("> 1");
        assertThat(ALERTS.get("NotificationsEmailFailing")).contains("notifications_email_failures_total");
        assertThat(ALERTS.get("NotificationsEmailBacklog")).contains("notifications_email_pending");
        assertThat(ALERTS.get("NotificationsWebSocketConnectionsDropped")).contains("notifications_ws_connections");
    }

    @Test
    void theServiceLevelIndicatorsHaveTheirPanels() {
        Set<String> shown = new TreeSet<>();
        PANELS.values().forEach(expressions -> expressions.forEach(expr -> shown.addAll(metricNames(expr))));

        assertThat(shown).contains("http_server_requests_seconds_count", "gateway_ratelimit_rejected_total",
                "cryptotracker_outbox_pending", "kafka_consumer_fetch_manager_records_lag_max",
                "market_source_freshness_seconds", "notifications_ws_connections",
                "notifications_ws_connections_opened_total", "notifications_ws_connections_closed_total",
                "notifications_ws_frames_sent_total", "notifications_signal_delivery_seconds_bucket",
                "notifications_stored_total", "notifications_email_sent_total", "notifications_email_failures_total",
                "notifications_email_pending");
    }

    @Test
    void theQueryReaderFindsMetricsAndNothingElse() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{x=\"y\", z=~\"5..\"}[5m])))"
                + " / on (application) group_left (pod) b_total offset 10m > bool 1e3 and $__rate_interval"))
                .containsExactlyInAnyOrder("a_seconds_bucket", "b_total");
        assertThat(exported("notifications_ws_connections_closed_total")).isTrue();
        assertThat(exported("notifications_signal_delivery_seconds_bucket")).isTrue();
        assertThat(exported("notifications_ws_connections_gone")).isFalse();
    }

    /** The metric names in a PromQL expression: what is left without strings, label matchers, ranges and labels. */
    static Set<String> metricNames(String expr) {
        String text = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(text);
        while (matcher.find()) {
            String word = matcher.group(1);
            boolean call = matcher.group(2) != null;
            boolean number = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
            if (!call && !number && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    static boolean exported(String metric) {
        if (FRAMEWORK_PREFIXES.stream().anyMatch(metric::startsWith)) {
            return true;
        }
        for (String base : registered) {
            if (metric.equals(base)) {
                return true;
            }
            if (metric.startsWith(base + "_") && metric.substring(base.length() + 1)
                    .matches("total|seconds|bytes|(seconds_)?(count|sum|bucket|max)")) {
                return true;
            }
        }
        return false;
    }

    /** The meters the services' main code registers, as Prometheus base names. */
    private static Set<String> registeredMeters() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(DeployFiles.ROOT)) {
            for (Path file : files.filter(ObservabilityQueriesTest::mainJavaSource).toList()) {
                Matcher matcher = METER.matcher(Files.readString(file));
                while (matcher.find()) {
                    String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                    names.add(name.replace('.', '_'));
                }
            }
        }
        assertThat(names).as("meters found in the services' code").contains("cryptotracker_outbox_pending");
        return names;
    }

    private static boolean mainJavaSource(Path file) {
        String path = DeployFiles.ROOT.relativize(file).toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.startsWith(".");
    }
}
