package io.cryptotracker.testsupport;

import java.nio.file.Path;

/**
 * How {@link EmbeddedServers} starts: ports (0 picks a free one) and where PostgreSQL keeps its data.
 *
 * @param dataDirectory PostgreSQL's data directory, kept between runs; {@code null} for a temporary one that is
 *     deleted on stop
 * @param freshData wipe {@code dataDirectory} before starting
 * @param postgresPort PostgreSQL port, 0 for a free one
 * @param redisPort Redis port, 0 for a free one
 * @param kafkaPort Kafka client port, 0 for a free one
 * @param logDirectory where the PostgreSQL server log goes ({@code postgres.log}); {@code null} to log through SLF4J
 */
public record EmbeddedServersSettings(Path dataDirectory, boolean freshData, int postgresPort, int redisPort,
        int kafkaPort, Path logDirectory) {

    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_REDIS_PORT = 6379;
    public static final int DEFAULT_KAFKA_PORT = 9092;

    public EmbeddedServersSettings {
        requirePort(postgresPort, "postgresPort");
        requirePort(redisPort, "redisPort");
        requirePort(kafkaPort, "kafkaPort");
        if (freshData && dataDirectory == null) {
            freshData = false;
        }
    }

    /** Free ports and a temporary PostgreSQL data directory: what tests use. */
    public static EmbeddedServersSettings forTests() {
        return new EmbeddedServersSettings(null, false, 0, 0, 0, null);
    }

    /** The local run: fixed default ports and a data directory that survives restarts. */
    public static EmbeddedServersSettings localRun(Path dataDirectory) {
        return new EmbeddedServersSettings(dataDirectory, false, DEFAULT_POSTGRES_PORT, DEFAULT_REDIS_PORT,
                DEFAULT_KAFKA_PORT, null);
    }

    public EmbeddedServersSettings withPorts(int postgres, int redis, int kafka) {
        return new EmbeddedServersSettings(dataDirectory, freshData, postgres, redis, kafka, logDirectory);
    }

    public EmbeddedServersSettings withFreshData(boolean fresh) {
        return new EmbeddedServersSettings(dataDirectory, fresh, postgresPort, redisPort, kafkaPort, logDirectory);
    }

    public EmbeddedServersSettings withLogDirectory(Path directory) {
        return new EmbeddedServersSettings(dataDirectory, freshData, postgresPort, redisPort, kafkaPort, directory);
    }

    /** Whether PostgreSQL data outlives {@link EmbeddedServers#stop()}. */
    public boolean persistent() {
        return dataDirectory != null;
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or 1-65535, was " + port);
        }
    }
}
