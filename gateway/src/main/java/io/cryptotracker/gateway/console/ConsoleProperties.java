package io.cryptotracker.gateway.console;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway serves the web console.
 *
 * @param devDirectory {@code CONSOLE_DEV_DIR}: while developing, the console's files are read from this directory
 *     (a checkout's {@code web-console/src/main/resources/META-INF/cryptotracker-console}) on every request, without
 *     hashing or caching, so an edit shows on reload; unset (the default), they come from the web-console jar
 */
@ConfigurationProperties("cryptotracker.gateway.console")
public record ConsoleProperties(String devDirectory) {

    /** The developer's directory, or {@code null} to serve the jar's files. */
    public Path devDirectoryPath() {
        return devDirectory == null || devDirectory.isBlank() ? null : Path.of(devDirectory.trim());
    }
}
