package io.cryptotracker.launcher.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The operating system's Chromium, which the browser tests drive (Playwright's own browser download is not
 * reachable here): {@code CHROMIUM_PATH} when set, else {@code chromium} or {@code chromium-browser} in
 * {@code /usr/bin} or on the {@code PATH}.
 */
public final class Chromium {

    public static final String PATH_VARIABLE = "CHROMIUM_PATH";

    static final String MISSING = "Browser tests skipped: no Chromium found (set " + PATH_VARIABLE + ", or install "
            + "it: apt-get install -y chromium; .ci/run does this where it runs as root).";

    private Chromium() {
    }

    /** The first executable candidate, if any. */
    public static Optional<Path> installed() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv(PATH_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured.trim()));
        }
        List<String> directories = new ArrayList<>(List.of("/usr/bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String directory : directories) {
                if (!directory.isBlank()) {
                    candidates.add(Path.of(directory, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The executable; skips the calling test (class) with one line saying how to install it when there is none. */
    public static Path assumeInstalled() {
        Optional<Path> chromium = installed();
        Assumptions.assumeTrue(chromium.isPresent(), MISSING);
        return chromium.get();
    }
}
