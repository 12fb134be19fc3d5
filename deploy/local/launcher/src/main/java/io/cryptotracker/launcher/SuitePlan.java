package io.cryptotracker.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.testsupport.DatabaseLogin;
import io.cryptotracker.testsupport.EmbeddedServers;

/**
 * Turns a {@link SuiteService} and a port into a {@link ServiceSpec} wired to the embedded servers and to
 * discovery through the environment variables every service reads (DB_URL, KAFKA_BOOTSTRAP_SERVERS, EUREKA_URL...).
 *
 * @param jars where the packaged jars are
 * @param infrastructure the running embedded servers; {@code null} for a service that needs none (discovery, started
 *     while they start)
 * @param databaseLogins each service's own database and role ({@link ServiceDatabases}); a service with a database
 *     but no login here gets no DB_ variables
 * @param discoveryPort the Eureka server's port
 * @param workDirectory each service runs in {@code <workDirectory>/<service>}
 * @param extraJvmOptions appended to every service's JVM options (e.g. from SERVICE_JAVA_OPTS)
 */
public record SuitePlan(ModuleJars jars, EmbeddedServers infrastructure, Map<SuiteService, DatabaseLogin> databaseLogins,
        int discoveryPort, Path workDirectory, List<String> extraJvmOptions) {

    public SuitePlan {
        databaseLogins = Map.copyOf(databaseLogins);
    }

    public ServiceSpec spec(SuiteService service, int port) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        if (service == SuiteService.GATEWAY) {
            environment.put("GATEWAY_PORT", Integer.toString(port));
        }
        environment.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", SuiteService.MALLOC_ARENAS));
        environment.put("EUREKA_URL", eurekaUrl());
        environment.put("EUREKA_INSTANCE_HOSTNAME", "localhost");
        if (infrastructure != null) {
            environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            environment.put("REDIS_HOST", infrastructure.redisHost());
            environment.put("REDIS_PORT", Integer.toString(infrastructure.redisPort()));
        }
        DatabaseLogin login = databaseLogins.get(service);
        if (login != null) {
            environment.put("DB_URL", login.jdbcUrl());
            environment.put("DB_USERNAME", login.username());
            environment.put("DB_PASSWORD", login.password());
        }
        List<String> jvmOptions = new java.util.ArrayList<>(service.jvmOptions());
        jvmOptions.addAll(extraJvmOptions);
        return new ServiceSpec(service.serviceName(), jars.jar(service.serviceName()), port, environment, jvmOptions,
                workDirectory.resolve(service.serviceName()));
    }

    public String eurekaUrl() {
        return "http://localhost:" + discoveryPort + "/eureka/";
    }
}
