package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArchiveTest {

    private static final Runtime.Version JDK_17 = Runtime.Version.parse("17.0.15+6");
    private static final Runtime.Version JDK_21 = Runtime.Version.parse("21.0.5+11");
    private static final Runtime.Version JDK_25 = Runtime.Version.parse("25.0.3+9");

    @TempDir
    Path directory;

    @Test
    void eachJdkTrainsAndThenUsesItsOwnKindOfArchive() {
        Path archive = Path.of("target/startup/auth-service-17.0.15.jsa");

        assertThat(StartupArchive.options(JDK_17, archive, false))
                .startsWith("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(StartupArchive.options(JDK_17, archive, true)).startsWith("-XX:SharedArchiveFile=" + archive);
        assertThat(StartupArchive.options(JDK_21, archive, false))
                .startsWith("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        assertThat(StartupArchive.options(JDK_25, archive, false)).startsWith("-XX:AOTCacheOutput=" + archive);
        assertThat(StartupArchive.options(JDK_25, archive, true)).startsWith("-XX:AOTCache=" + archive);
        assertThat(StartupArchive.options(Runtime.Version.parse("11.0.2"), archive, false)).isEmpty();
    }

    @Test
    void archivesAreNamedPerServiceAndJdkBesideTheJar() {
        Path jar = Path.of("/repo/auth-service/target/auth-service-0.1.0-SNAPSHOT.jar");

        assertThat(StartupArchive.directoryFor(jar)).isEqualTo(Path.of("/repo/auth-service/target/startup"));
        assertThat(StartupArchive.archiveName(jar, JDK_17)).isEqualTo("auth-service-17.0.15.jsa");
        assertThat(StartupArchive.archiveName(jar, JDK_25)).isEqualTo("auth-service-25.0.3.aot");
        assertThat(StartupArchive.archiveName(Path.of("gateway-1.2.0.jar"), JDK_17)).isEqualTo("gateway-17.0.15.jsa");
    }

    @Test
    void switchedOffByTheVariable() {
        assertThat(StartupArchive.enabled(Map.of())).isTrue();
        assertThat(StartupArchive.enabled(Map.of("STARTUP_ARCHIVE", "false"))).isFalse();
        assertThat(StartupArchive.enabled(Map.of("STARTUP_ARCHIVE", "true"))).isTrue();
        assertThat(LauncherSettings.describeVariables()).anyMatch(line -> line.startsWith("STARTUP_ARCHIVE (true)"));
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsItIs() throws Exception {
        Path jar = fakeServiceJar("fake-service-1.0.jar");
        ServiceSpec spec = spec(jar);

        StartupArchive.Prepared prepared = archives().prepare(spec);

        assertThat(prepared.spec()).isEqualTo(spec);
        assertThat(prepared.description()).isEqualTo("no archive (fake-service-1.0.jar is not a Spring Boot jar)");
        try (SuiteLauncher suite = suite()) {
            assertThat(suite.startWave(List.of(prepared.spec()))).hasSize(1);
        }
    }

    @Test
    void theFirstRunOfAnExtractedJarWritesTheArchiveWhenStoppedAndTheNextRunUsesIt() throws Exception {
        Path jar = fakeServiceJar("fake-service-1.0.jar");
        // what `java -Djarmode=tools -jar x.jar extract` leaves for a jar without dependencies: a copy of it
        Path startup = Files.createDirectories(StartupArchive.directoryFor(jar));
        Files.copy(jar, startup.resolve(jar.getFileName()));
        Files.writeString(startup.resolve("source.stamp"), StartupArchive.stampOf(jar));
        Path archive = startup.resolve(StartupArchive.archiveName(jar, Runtime.version()));
        StartupArchive archives = archives();
        assertThat(archives.trained(jar)).as("--train has work to do").isFalse();

        StartupArchive.Prepared training = archives.prepare(spec(jar));
        assertThat(training.description()).startsWith("training run");
        assertThat(training.spec().jar()).isEqualTo(startup.resolve(jar.getFileName()));
        assertThat(training.training()).isTrue();
        try (SuiteLauncher suite = suite()) {
            suite.startWave(List.of(training.spec()));
        }
        assertThat(StartupArchive.partOf(archive)).as("written at exit after SIGTERM").isNotEmptyFile();
        assertThat(archives.trained(jar)).as("not until a JVM has mapped it").isFalse();

        StartupArchive.Prepared trained = archives.prepare(spec(jar));
        assertThat(trained.description()).isEqualTo("archive " + archive.getFileName());
        assertThat(archive).as("checked, then moved into place").isNotEmptyFile();
        assertThat(StartupArchive.partOf(archive)).doesNotExist();
        assertThat(archives.trained(jar)).isTrue();
        assertThat(new StartupArchive(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version(), false).trained(jar))
                .as("nothing to train when switched off").isTrue();
        try (SuiteLauncher suite = suite()) {
            List<ServiceProcess> started = suite.startWave(List.of(trained.spec()));
            assertThat(started.get(0).logFile()).content().contains("fake service starting in mode healthy");
        }
    }

    @Test
    void anArchiveCutShortIsDiscardedAndTheNextRunTrainsAgain() throws Exception {
        Path jar = fakeServiceJar("fake-service-1.0.jar");
        Path startup = Files.createDirectories(StartupArchive.directoryFor(jar));
        Files.copy(jar, startup.resolve(jar.getFileName()));
        Files.writeString(startup.resolve("source.stamp"), StartupArchive.stampOf(jar));
        Path archive = startup.resolve(StartupArchive.archiveName(jar, Runtime.version()));
        // a training run killed while it wrote the archive
        Files.write(StartupArchive.partOf(archive), new byte[4096]);

        StartupArchive.Prepared prepared = archives().prepare(spec(jar));

        assertThat(prepared.training()).isTrue();
        assertThat(archive).doesNotExist();
        assertThat(StartupArchive.partOf(archive)).doesNotExist();
        try (SuiteLauncher suite = suite()) {
            assertThat(suite.startWave(List.of(prepared.spec()))).hasSize(1);
        }
    }

    @Test
    void aRebuiltJarIsExtractedAgain() throws Exception {
        Path jar = fakeServiceJar("fake-service-1.0.jar");
        Path startup = Files.createDirectories(StartupArchive.directoryFor(jar));
        Files.copy(jar, startup.resolve(jar.getFileName()));
        Files.writeString(startup.resolve("source.stamp"), "an older build");
        Files.writeString(startup.resolve(StartupArchive.archiveName(jar, Runtime.version())), "stale");
        assertThat(archives().trained(jar)).as("an archive of another build").isFalse();

        StartupArchive.Prepared prepared = archives().prepare(spec(jar));

        // not a Spring Boot jar, so the new extraction fails: the old one and its archive are gone all the same
        assertThat(prepared.spec().jar()).isEqualTo(jar);
        assertThat(startup.resolve(StartupArchive.archiveName(jar, Runtime.version()))).doesNotExist();
    }

    private StartupArchive archives() {
        return new StartupArchive(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version(), true);
    }

    private SuiteLauncher suite() {
        return new SuiteLauncher(directory.resolve("logs"), Duration.ofSeconds(30), Duration.ofSeconds(20),
                new SuiteLauncher.Listener() {
                }, null);
    }

    private ServiceSpec spec(Path jar) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return new ServiceSpec("fake", jar, port,
                Map.of("FAKE_MODE", "healthy", "FAKE_STOPPED_MARKER", directory.resolve("stopped").toString(),
                        "SERVER_PORT", Integer.toString(port)),
                List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), directory.resolve("work"));
    }

    /** A self-contained jar of {@link FakeService} (CDS archives classes from jars only, not from directories). */
    private Path fakeServiceJar(String name) throws IOException {
        Path jar = Files.createDirectories(directory.resolve("target")).resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path packageDirectory = classes.resolve(FakeService.class.getPackageName().replace('.', '/'));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                var files = Files.list(packageDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("FakeService")).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(jarOut);
                }
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
