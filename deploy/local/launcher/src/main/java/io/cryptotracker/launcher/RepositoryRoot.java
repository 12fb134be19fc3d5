package io.cryptotracker.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: {@code -Dcryptotracker.root}, else the nearest parent of the launcher with mvnw. */
public final class RepositoryRoot {

    public static final String PROPERTY = "cryptotracker.root";

    private RepositoryRoot() {
    }

    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path start : new Path[] { codeLocation(), Path.of("").toAbsolutePath() }) {
            for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
                if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("deploy/local"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("Cannot find the CryptoTracker repository root; pass -D" + PROPERTY + "=<dir>");
    }

    private static Path codeLocation() {
        try {
            return Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        }
        catch (URISyntaxException | RuntimeException ex) {
            return null;
        }
    }
}
