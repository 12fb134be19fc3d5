package io.cryptotracker.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service JVM to run: its packaged jar, HTTP port, environment variables, JVM options and working directory.
 *
 * @param name the service's name, also the name of its log file
 * @param jar the executable jar
 * @param port the HTTP port it listens on (used for the health check)
 * @param environment variables added to the launcher's own environment
 * @param jvmOptions options placed before {@code -jar}
 * @param workingDirectory where relative paths the service writes (e.g. a development signing key) end up
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
        Path workingDirectory) {

    public ServiceSpec {
        environment = Map.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * The readiness probe on the service's own port, as Compose's healthcheck and Kubernetes ask: every service
     * serves it there, the gateway too, whose actuator is on a separate management port.
     */
    public URI healthUri() {
        return URI.create(baseUrl() + "/readyz");
    }

    /** The {@code -Xmx} value, or "default" when none is set. */
    public String maxHeap() {
        return jvmOptions.stream()
                .filter(option -> option.startsWith("-Xmx"))
                .reduce((first, last) -> last)
                .map(option -> option.substring("-Xmx".length()))
                .orElse("default");
    }

    public ServiceSpec withEnvironment(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.put(name, value);
        return new ServiceSpec(this.name, jar, port, changed, jvmOptions, workingDirectory);
    }

    /** The same service started from another jar (e.g. its extracted copy, {@link StartupArchive}). */
    public ServiceSpec withJar(Path otherJar) {
        return new ServiceSpec(name, otherJar, port, environment, jvmOptions, workingDirectory);
    }

    /** Adds JVM options after the existing ones (a later {@code -Dkey=value} or {@code -Xmx} wins). */
    public ServiceSpec withJvmOptions(List<String> extra) {
        List<String> combined = new ArrayList<>(jvmOptions);
        combined.addAll(extra);
        return new ServiceSpec(name, jar, port, environment, combined, workingDirectory);
    }

    /** The command line, {@code java} included. */
    public List<String> command(Path javaExecutable) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
