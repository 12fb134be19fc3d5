package io.cryptotracker.launcher.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;

/**
 * The operating system's Chromium, which the browser tests drive (Playwright's own browser download is not
 * reachable here): {@code CHROMIUM_PATH} when set (only it), else {@code chromium} or {@code chromium-browser} in
 * {@code /usr/bin} or on the {@code PATH}.
 */
public final class Chromium {

    public static final String PATH_VARIABLE = "CHROMIUM_PATH";

    static final String MISSING = "Browser tests skipped: no Chromium found (install it: apt-get install -y chromium, "
            + "as .ci/run does where it runs as root; or set " + PATH_VARIABLE + " to its executable).";

    private static final AtomicBoolean announced = new AtomicBoolean();

    private Chromium() {
    }

    /** The first executable candidate, if any. */
    public static Optional<Path> installed() {
        String configured = System.getenv(PATH_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            // an explicit choice wins, also when it names nothing (CHROMIUM_PATH=none skips the browser tests)
            return Optional.of(Path.of(configured.trim())).filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
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

    /**
     * The executable; when there is none, prints one line saying how to install it (once per JVM: a skip by
     * assumption is otherwise silent in the build log) and skips the calling test class.
     */
    public static Path assumeInstalled() {
        Optional<Path> chromium = installed();
        if (chromium.isEmpty() && !announced.getAndSet(true)) {
            System.out.println(MISSING);
        }
        Assumptions.assumeTrue(chromium.isPresent(), MISSING);
        return chromium.get();
    }
}
