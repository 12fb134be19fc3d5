package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLauncherTest {

    @TempDir
    Path directory;

    private final List<String> events = new ArrayList<>();

    @Test
    void healthyServicesAreReportedUpAndStoppedWithSigterm() throws Exception {
        Path jar = jar(FakeService.class.getName());
        Path firstMarker = directory.resolve("first.stopped");
        Path secondMarker = directory.resolve("second.stopped");
        SuiteLauncher suite = suite(Duration.ofSeconds(30));

        List<ServiceProcess> first = suite.startWave(List.of(spec("first", jar, "healthy", firstMarker)));
        List<ServiceProcess> second = suite.startWave(List.of(spec("second", jar, "healthy", secondMarker)));
        suite.stopAll();

        assertThat(events).containsExactly("starting first", "healthy first", "starting second", "healthy second",
                "stopping second", "stopping first");
        assertThat(first.get(0).isAlive()).isFalse();
        assertThat(second.get(0).isAlive()).isFalse();
        assertThat(firstMarker).as("shutdown hook ran, so it got SIGTERM, not SIGKILL").hasContent("stopped");
        assertThat(secondMarker).hasContent("stopped");
        assertThat(first.get(0).logFile()).content().contains("fake service starting in mode healthy");
    }

    @Test
    void aServiceThatExitsFailsTheWaveWithItsLogAndStopsWhatWasStarted() throws Exception {
        Path good = jar(FakeService.class.getName());
        Path broken = jar("io.cryptotracker.launcher.NoSuchMain");
        SuiteLauncher suite = suite(Duration.ofSeconds(30));
        List<ServiceProcess> discovery = suite.startWave(
                List.of(spec("discovery", good, "healthy", directory.resolve("d.stopped"))));

        assertThatThrownBy(() -> suite.startWave(List.of(
                spec("broken", broken, "healthy", directory.resolve("b.stopped")),
                spec("fine", good, "silent", directory.resolve("f.stopped")))))
                .isInstanceOfSatisfying(ServiceFailure.class, failure -> {
                    assertThat(failure.service()).isEqualTo("broken");
                    assertThat(failure.getMessage()).contains("exited with code 1");
                    assertThat(failure.logTail()).contains("NoSuchMain");
                    assertThat(failure.report()).contains(failure.logFile().toString());
                });

        assertThat(events).contains("failed broken").endsWith("stopping fine", "stopping discovery");
        assertThat(suite.processes()).hasSize(3).noneMatch(ServiceProcess::isAlive);
        assertThat(discovery.get(0).isAlive()).isFalse();
    }

    @Test
    void aServiceThatNeverBecomesHealthyFailsAfterTheTimeoutAndIsStopped() throws Exception {
        SuiteLauncher suite = suite(Duration.ofSeconds(2));

        assertThatThrownBy(() -> suite.startWave(List.of(
                spec("silent", jar(FakeService.class.getName()), "silent", directory.resolve("s.stopped")))))
                .isInstanceOf(ServiceFailure.class)
                .hasMessageContaining("silent was not healthy after 2 s");

        assertThat(suite.processes()).singleElement().satisfies(process -> assertThat(process.isAlive()).isFalse());
    }

    @Test
    void noServiceStartsOnceTheSuiteIsStopping() throws Exception {
        SuiteLauncher suite = suite(Duration.ofSeconds(5));
        suite.stopAll();

        assertThatThrownBy(() -> suite.startWave(List.of(
                spec("late", jar(FakeService.class.getName()), "healthy", directory.resolve("l.stopped")))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(suite.processes()).isEmpty();
    }

    private SuiteLauncher suite(Duration startupTimeout) {
        return new SuiteLauncher(directory.resolve("logs"), startupTimeout, Duration.ofSeconds(10),
                new SuiteLauncher.Listener() {
                    @Override
                    public void starting(ServiceSpec service) {
                        events.add("starting " + service.name());
                    }

                    @Override
                    public void healthy(ServiceProcess service, Duration startUp) {
                        events.add("healthy " + service.spec().name());
                    }

                    @Override
                    public void stopping(ServiceProcess service) {
                        events.add("stopping " + service.spec().name());
                    }

                    @Override
                    public void failed(ServiceFailure failure) {
                        events.add("failed " + failure.service());
                    }
                }, new ProcessLedger(directory.resolve("ledger")));
    }

    private ServiceSpec spec(String name, Path jar, String mode, Path stoppedMarker) throws IOException {
        int port = freePort();
        return new ServiceSpec(name, jar, port,
                Map.of("FAKE_MODE", mode, "FAKE_STOPPED_MARKER", stoppedMarker.toString(), "SERVER_PORT",
                        Integer.toString(port)),
                List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), directory.resolve(name));
    }

    /** A jar whose manifest runs the main class from this module's test classes. */
    private Path jar(String mainClass) throws IOException {
        Path jar = Files.createTempFile(directory, "service", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                FakeService.class.getProtectionDomain().getCodeSource().getLocation().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
