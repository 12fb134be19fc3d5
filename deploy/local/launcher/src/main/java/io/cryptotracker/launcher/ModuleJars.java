package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

/** Finds the packaged jar of a module: {@code <root>/<module>/target/<module>-<version>.jar}. */
public record ModuleJars(Path repositoryRoot, String version) {

    /** The jars of the version this launcher was built with. */
    public static ModuleJars of(Path repositoryRoot) {
        return new ModuleJars(repositoryRoot, launcherVersion());
    }

    public Path jar(String module) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    /** The jars of these modules that do not exist, as paths relative to the repository root. */
    public List<String> missing(Collection<String> modules) {
        return modules.stream()
                .map(this::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> repositoryRoot.relativize(jar).toString())
                .toList();
    }

    static String launcherVersion() {
        try (InputStream in = ModuleJars.class.getResourceAsStream("/launcher.properties")) {
            if (in == null) {
                throw new IllegalStateException("launcher.properties missing from the launcher's classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
