package io.cryptotracker.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import io.cryptotracker.launcher.RepositoryRoot;

/** The repository's deployment files as the tests read them: the deployable modules, YAML, external tools. */
final class DeployFiles {

    static final Path ROOT = RepositoryRoot.locate();

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private DeployFiles() {
    }

    /** The modules that opt in to a container image (list jib-maven-plugin in their build plugins). */
    static List<String> imageModules() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (matcher.find()) {
            String module = matcher.group(1).trim();
            Path pom = ROOT.resolve(module).resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>jib-maven-plugin</artifactId>")) {
                modules.add(module);
            }
        }
        return modules;
    }

    /** The project version, which is the images' default tag. */
    static String projectVersion() throws IOException {
        String pom = read(ROOT.resolve("pom.xml"));
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(afterParent);
        if (!version.find()) {
            throw new IllegalStateException("no project version in the parent pom");
        }
        return version.group(1);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml(new LoaderOptions()).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** The tool's path if it is on the PATH. */
    static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command in the repository root; its exit code and what it printed (stdout and stderr). */
    static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroy();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    /** A nested map or list value by keys and indexes, or null when a step is missing. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            }
            else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            }
            else {
                return null;
            }
        }
        return current;
    }
}
