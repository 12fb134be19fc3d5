package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.springframework.util.FileSystemUtils;

/**
 * Class data sharing for a service JVM, made by the local run itself and kept beside the jar.
 * <p>
 * The packaged jar is extracted once ({@code java -Djarmode=tools -jar x.jar extract}) into
 * {@code <module>/target/startup/}: the service then runs from plain jars, which the JVM can archive (classes in a
 * Spring Boot jar's nested jars cannot be). The first run of an extracted jar is the training run: it records every
 * class it loaded into an archive when it exits (JDK 17–18: {@code -XX:ArchiveClassesAtExit}, a dynamic CDS archive;
 * JDK 19–24: {@code -XX:+AutoCreateSharedArchive}; JDK 25 and later: {@code -XX:AOTCacheOutput}, the AOT cache, which
 * also keeps linked classes and method profiles). Every later run maps that archive and skips loading, verifying
 * and linking those classes again. A new jar (a build) is extracted again and trains a new archive; an archive is
 * per JDK version. Anything that goes wrong here leaves the service to start from its jar as before, and a JVM that
 * finds an archive unusable starts without it ({@code -Xshare:auto}, the default).
 */
final class StartupArchive {

    /** Set to {@code false} to run every service from its jar, without extraction or archive. */
    static final String ENABLED_VARIABLE = "STARTUP_ARCHIVE";

    private static final String STAMP = "source.stamp";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;
    /** How long a training run may take to stop: it writes its archive first (the AOT cache takes longest). */
    static final java.time.Duration TRAINING_STOP_GRACE = java.time.Duration.ofSeconds(120);
    /** Two at a time: the machine this runs on may have two cores, and the infrastructure starts meanwhile. */
    private static final Executor EXTRACTORS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "jar-extract");
        thread.setDaemon(true);
        return thread;
    });

    private final Path javaExecutable;
    private final Runtime.Version jdk;
    private final boolean enabled;
    private final Map<Path, CompletableFuture<Path>> extractions = new ConcurrentHashMap<>();

    /**
     * @param javaExecutable the JDK the services run on (and that extracts the jars)
     * @param jdk its version: which kind of archive, and the archive's name
     * @param enabled {@code false}: every spec is started as it is
     */
    StartupArchive(Path javaExecutable, Runtime.Version jdk, boolean enabled) {
        this.javaExecutable = javaExecutable;
        this.jdk = jdk;
        this.enabled = enabled;
    }

    /**
     * Whether a start of this jar would map an archive made earlier: its extraction is of this very jar and holds
     * this JDK's archive. Also {@code true} when no archive is to be made (turned off, or a JDK without CDS).
     */
    boolean trained(Path jar) {
        if (!enabled || options(jdk, jar, true).isEmpty()) {
            return true;
        }
        Path directory = directoryFor(jar);
        Path stampFile = directory.resolve(STAMP);
        try {
            return Files.isRegularFile(stampFile)
                    && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stampOf(jar))
                    && Files.isRegularFile(directory.resolve(archiveName(jar, jdk)));
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Starts extracting these jars in the background (only those not extracted yet do any work). */
    void extractAll(Collection<Path> jars) {
        if (enabled) {
            jars.forEach(this::extraction);
        }
    }

    /**
     * The spec with the extracted jar and the archive options, or unchanged when that is not possible (waits for
     * the jar's extraction).
     */
    Prepared prepare(ServiceSpec spec) {
        if (!enabled) {
            return new Prepared(spec, "no archive (" + ENABLED_VARIABLE + "=false)");
        }
        Path jar = spec.jar();
        try {
            Path extracted = extraction(jar).join();
            Path archive = directoryFor(jar).resolve(archiveName(jar, jdk));
            boolean trained = Files.isRegularFile(archive) || (recordsToTemporaryFile(jdk)
                    && promoteIfUsable(spec.withJar(extracted), partOf(archive), archive));
            Path target = trained || !recordsToTemporaryFile(jdk) ? archive : partOf(archive);
            List<String> options = options(jdk, target, trained);
            if (options.isEmpty()) {
                return new Prepared(spec, "no class data sharing on JDK " + jdk.feature());
            }
            return new Prepared(spec.withJar(extracted).withJvmOptions(options), trained,
                    trained ? "archive " + archive.getFileName()
                            : "training run: archive " + archive.getFileName() + " written when it stops");
        }
        catch (IOException | RuntimeException ex) {
            Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            return new Prepared(spec, "no archive (" + cause.getMessage() + ")");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Prepared(spec, "no archive (interrupted)");
        }
    }

    /**
     * JDK 17 and 25 write the archive a training run records when the JVM exits: into {@code <archive>.part}, so
     * that one cut short (killed while writing, a full disk) is never mapped – a truncated CDS archive crashes JDK
     * 17 at start. JDK 19–24 manage their auto-created archive themselves.
     */
    private static boolean recordsToTemporaryFile(Runtime.Version jdk) {
        int feature = jdk.feature();
        return feature >= 25 || (feature >= 13 && feature < 19);
    }

    static Path partOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".part");
    }

    /**
     * Whether the archive a training run left is usable: a JVM with the service's own options and class path maps it
     * strictly ({@code -Xshare:on}, {@code -XX:AOTMode=on}) and prints its version; then it becomes the archive,
     * otherwise it is deleted and the next run trains again.
     */
    private boolean promoteIfUsable(ServiceSpec extracted, Path part, Path archive)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(part)) {
            return false;
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(extracted.jvmOptions());
        command.addAll(options(jdk, part, true));
        command.add(jdk.feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
        command.addAll(List.of("-cp", extracted.jar().toString(), "-version"));
        Process check = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean usable = check.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) && check.exitValue() == 0;
        if (!check.isAlive() && usable) {
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
        check.destroyForcibly();
        Files.deleteIfExists(part);
        return false;
    }

    private CompletableFuture<Path> extraction(Path jar) {
        return extractions.computeIfAbsent(jar.toAbsolutePath(), key -> CompletableFuture.supplyAsync(() -> {
            try {
                return extractedJar(key, directoryFor(key), javaExecutable);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex.getMessage(), ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
        }, EXTRACTORS));
    }

    /** The JVM options that train ({@code trained == false}) or use the archive on this JDK. */
    static List<String> options(Runtime.Version jdk, Path archive, boolean trained) {
        List<String> options = new ArrayList<>();
        int feature = jdk.feature();
        if (feature >= 25) {
            options.add((trained ? "-XX:AOTCache=" : "-XX:AOTCacheOutput=") + archive);
        }
        else if (feature >= 19) {
            options.add("-XX:+AutoCreateSharedArchive");
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        else if (feature >= 13) {
            options.add((trained ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=") + archive);
        }
        if (!options.isEmpty()) {
            // an archive that does not match (another JDK build, changed options) is skipped with one line
            options.add("-Xlog:cds*=off");
            if (feature >= 25) {
                options.add("-Xlog:aot*=off");
            }
        }
        return options;
    }

    /** {@code <module>/target/startup/} beside {@code <module>/target/<module>-<version>.jar}. */
    static Path directoryFor(Path jar) {
        return jar.toAbsolutePath().getParent().resolve("startup");
    }

    /** One archive per JDK version: {@code auth-service-17.0.15.jsa}, {@code auth-service-25.0.1.aot}. */
    static String archiveName(Path jar, Runtime.Version jdk) {
        String base = jar.getFileName().toString().replaceFirst("-[^-]*(-SNAPSHOT)?\\.jar$", "")
                .replaceFirst("\\.jar$", "");
        String version = jdk.version().stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElse("0");
        return base + "-" + version + (jdk.feature() >= 25 ? ".aot" : ".jsa");
    }

    /** The jar's size and modification time: when it changes the extraction and its archives are stale. */
    static String stampOf(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + jar.getFileName();
    }

    /** Extracts the jar unless the directory already holds an extraction of this very jar. */
    private static Path extractedJar(Path jar, Path directory, Path javaExecutable)
            throws IOException, InterruptedException {
        Path extracted = directory.resolve(jar.getFileName());
        Path stampFile = directory.resolve(STAMP);
        String stamp = stampOf(jar);
        if (Files.isRegularFile(extracted) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
            return extracted;
        }
        FileSystemUtils.deleteRecursively(directory);
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Spring-Boot-Version") == null) {
                throw new IOException(jar.getFileName() + " is not a Spring Boot jar");
            }
        }
        Files.createDirectories(directory.getParent());
        Path log = directory.resolveSibling("startup-extract.log");
        Process process = new ProcessBuilder(javaExecutable.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("extracting " + jar.getFileName() + " took over " + EXTRACT_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(extracted)) {
            throw new IOException("extracting " + jar.getFileName() + " failed, see " + log);
        }
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return extracted;
    }

    /** Whether the local run should use archives: unless {@value #ENABLED_VARIABLE} is {@code false}. */
    static boolean enabled(Map<String, String> environment) {
        return !"false".equalsIgnoreCase(Optional.ofNullable(environment.get(ENABLED_VARIABLE)).orElse("").trim());
    }

    /**
     * A spec ready to start, and what was decided for it (shown in the progress line).
     *
     * @param spec the spec to start: with the extracted jar and archive options, or the original
     * @param trained whether it maps an archive made by an earlier run
     * @param description "archive x.jsa", "training run ...", or why none is used
     */
    record Prepared(ServiceSpec spec, boolean trained, String description) {

        Prepared(ServiceSpec spec, String description) {
            this(spec, false, description);
        }

        /** Whether this start records an archive when it stops (writing it takes a few seconds more then). */
        boolean training() {
            return !trained && description.startsWith("training run");
        }
    }
}
