package io.cryptotracker.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracing as every service gets it from common-lib and {@code cryptotracker-defaults.yml}: a real servlet app sends
 * its request's span over OTLP/HTTP to a stub collector on loopback when {@code TRACING_ENABLED=true}, the trace
 * goes on through a Kafka record (real embedded broker) into the listener, and nothing is sent by default. Started with {@link SpringApplicationBuilder} rather than {@code @SpringBootTest}, which turns
 * tracing export off in tests.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingExportTest {

    private record Export(String path, String contentType, byte[] body) {
    }

    /** What the Kafka listener saw: the record's value (the sender's trace id), its own trace id, the header. */
    record Received(String value, String listenerTraceId, String traceparent) {
    }

    static final String TOPIC = "tracing-test";

    static final List<Received> received = new CopyOnWriteArrayList<>();

    private static EmbeddedKafkaKraftBroker kafka;

    private final List<Export> exports = new CopyOnWriteArrayList<>();

    private HttpServer collector;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        kafka.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        kafka.destroy();
    }

    @BeforeEach
    void startCollector() throws IOException {
        received.clear();
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            exports.add(new Export(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aRequestIsExportedAsASpanWhenTracingIsEnabled(CapturedOutput output) throws Exception {
        String traceId;
        try (ConfigurableApplicationContext app = start("--TRACING_ENABLED=true")) {
            Map<String, String> answer = get(app);
            traceId = answer.get("trace_id");
            assertThat(traceId).hasSize(32).isNotEqualTo("0".repeat(32));
            assertThat(answer.get("mdc_trace_id")).as("trace id in the logging MDC").isEqualTo(traceId);
            assertThat(output.getOut().lines().filter(line -> line.contains("handling the traced request")))
                    .as("the JSON log line of the request names its trace")
                    .singleElement().asString().contains(traceId);

            byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exports)
                    .anySatisfy(export -> {
                        assertThat(export.path()).isEqualTo("/v1/traces");
                        assertThat(export.contentType()).isEqualTo("application/x-protobuf");
                        assertThat(contains(export.body(), traceIdBytes)).as("span with the request's trace id").isTrue();
                        assertThat(contains(export.body(), "tracing-test".getBytes())).as("service.name").isTrue();
                    }));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received)
                    .filteredOn(record -> record.value().equals(traceId)).singleElement().satisfies(record -> {
                        assertThat(record.traceparent()).as("traceparent header").contains(traceId);
                        assertThat(record.listenerTraceId()).as("the listener continues the trace").isEqualTo(traceId);
                    }));
        }
    }

    @Test
    void nothingIsExportedByDefaultAndTheServiceStillServes() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(get(app)).containsKey("trace_id");
        }
        // the context is closed: a configured span exporter would have flushed by now
        assertThat(exports).isEmpty();
    }

    private ConfigurableApplicationContext start(String... extraArgs) {
        List<String> args = new CopyOnWriteArrayList<>(List.of(
                "--spring.application.name=tracing-test",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:" + collector.getAddress().getPort(),
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--management.opentelemetry.tracing.export.schedule-delay=100ms",
                "--cryptotracker.security.public-paths=/traced",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(TracedApp.class).run(args.toArray(String[]::new));
    }

    private static Map<String, String> get(ConfigurableApplicationContext app) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/traced")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> answer = new java.util.HashMap<>();
        for (String pair : response.body().split("&")) {
            String[] kv = pair.split("=", 2);
            answer.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return answer;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TracedApp {

        @RestController
        static class TracedController {

            private final ObjectProvider<Tracer> tracer;

            private final KafkaTemplate<String, String> kafka;

            TracedController(ObjectProvider<Tracer> tracer, KafkaTemplate<String, String> kafka) {
                this.tracer = tracer;
                this.kafka = kafka;
            }

            @GetMapping(path = "/traced", produces = "text/plain")
            String traced() throws Exception {
                String traceId = currentTraceId(tracer);
                kafka.send(TOPIC, traceId).get();
                String mdc = MDC.get("traceId");
                LoggerFactory.getLogger(TracedController.class).info("handling the traced request");
                return "trace_id=" + traceId + "&mdc_trace_id=" + (mdc == null ? "" : mdc);
            }
        }

        @Component
        static class TracedListener {

            private final ObjectProvider<Tracer> tracer;

            TracedListener(ObjectProvider<Tracer> tracer) {
                this.tracer = tracer;
            }

            @KafkaListener(topics = TOPIC)
            void on(ConsumerRecord<String, String> record) {
                Header traceparent = record.headers().lastHeader("traceparent");
                received.add(new Received(record.value(), currentTraceId(tracer),
                        traceparent == null ? "" : new String(traceparent.value())));
            }
        }

        static String currentTraceId(ObjectProvider<Tracer> tracer) {
            Span span = tracer.getIfAvailable(() -> Tracer.NOOP).currentSpan();
            return span == null ? "" : span.context().traceId();
        }
    }
}
