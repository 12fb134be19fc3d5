package io.cryptotracker.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.testsupport.EmbeddedServers;

/**
 * Turns a {@link SuiteService} and a port into a {@link ServiceSpec} wired to the embedded servers and to
 * discovery through the environment variables every service reads (DB_URL, KAFKA_BOOTSTRAP_SERVERS, EUREKA_URL...).
 *
 * @param jars where the packaged jars are
 * @param infrastructure the running embedded servers
 * @param discoveryPort the Eureka server's port
 * @param workDirectory each service runs in {@code <workDirectory>/<service>}
 * @param extraJvmOptions appended to every service's JVM options (e.g. from SERVICE_JAVA_OPTS)
 */
public record SuitePlan(ModuleJars jars, EmbeddedServers infrastructure, int discoveryPort, Path workDirectory,
        List<String> extraJvmOptions) {

    public ServiceSpec spec(SuiteService service, int port) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        if (service == SuiteService.GATEWAY) {
            environment.put("GATEWAY_PORT", Integer.toString(port));
        }
        environment.put("EUREKA_URL", eurekaUrl());
        environment.put("EUREKA_INSTANCE_HOSTNAME", "localhost");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("REDIS_HOST", infrastructure.redisHost());
        environment.put("REDIS_PORT", Integer.toString(infrastructure.redisPort()));
        environment.put("DB_USERNAME", infrastructure.postgresUsername());
        environment.put("DB_PASSWORD", infrastructure.postgresPassword());
        service.database().ifPresent(database -> environment.put("DB_URL", infrastructure.jdbcUrl(database)));
        List<String> jvmOptions = new java.util.ArrayList<>(service.jvmOptions());
        jvmOptions.addAll(extraJvmOptions);
        return new ServiceSpec(service.serviceName(), jars.jar(service.serviceName()), port, environment, jvmOptions,
                workDirectory.resolve(service.serviceName()));
    }

    public String eurekaUrl() {
        return "http://localhost:" + discoveryPort + "/eureka/";
    }
}
