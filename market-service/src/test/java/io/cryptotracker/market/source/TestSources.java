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
        SourceGate gate = new SourceGate(source, 1000, Duration.ofSeconds(5), Duration.ofMinutes(10),
                Clock.systemUTC());
        return new SourceClient(source, baseUrl, Duration.ofSeconds(1), Duration.ofMillis(500), gate,
                Clock.systemUTC(), meters);
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
