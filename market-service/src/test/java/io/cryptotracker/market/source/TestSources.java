package io.cryptotracker.market.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Source clients against a test server, and the recorded replay answers as test payloads. */
public final class TestSources {

    private TestSources() {
    }

    public static SourceClient client(String source, String baseUrl) {
        return client(source, baseUrl, new SimpleMeterRegistry());
    }

    public static SourceClient client(String source, String baseUrl, SimpleMeterRegistry meters) {
        return client(source, baseUrl, Duration.ofMillis(500), meters);
    }

    /**
     * A client that waits up to {@code readTimeout} for an answer: for tests of what the adapters read rather than
     * of timeouts, where the first call to a local stub may be slow on a loaded machine (class loading, cold JIT).
     */
    public static SourceClient client(String source, String baseUrl, Duration readTimeout) {
        return client(source, baseUrl, readTimeout, new SimpleMeterRegistry());
    }

    private static SourceClient client(String source, String baseUrl, Duration readTimeout,
            SimpleMeterRegistry meters) {
        SourceGate gate = new SourceGate(source, 1000, Duration.ofSeconds(5), Duration.ofMinutes(10),
                Clock.systemUTC());
        return new SourceClient(source, baseUrl, Duration.ofSeconds(1), readTimeout, gate, Clock.systemUTC(), meters);
    }

    /** A recorded answer from {@code classpath:replay/}, e.g. {@code cmc/v1/cryptocurrency/listings/latest}. */
    public static String recorded(String path) {
        try (InputStream in = TestSources.class.getClassLoader().getResourceAsStream("replay/" + path + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
