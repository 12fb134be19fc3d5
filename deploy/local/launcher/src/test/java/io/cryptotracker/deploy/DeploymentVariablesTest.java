package io.cryptotracker.deploy;

import static io.cryptotracker.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Compose and the Kubernetes base set only variables a service reads: a renamed variable fails here, not in a pod. */
class DeploymentVariablesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** Read by the JVM or by glibc, or bound by Spring's relaxed binding (cryptotracker.admin.email, ...) rather than a placeholder. */
    private static final Set<String> READ_WITHOUT_PLACEHOLDER = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

    /** Only used inside the manifests, as $(NAME) in other variables. */
    private static final Set<String> MANIFEST_ONLY = Set.of("DB_HOST", "DB_PORT", "DB_URL_PARAMETERS",
            "INGRESS_PROXY_RANGES");

    @Test
    @SuppressWarnings("unchecked")
    void composeSetsOnlyVariablesTheServicesRead() throws Exception {
        Set<String> read = variablesTheServicesRead();
        Map<String, Object> services = (Map<String, Object>) DeployFiles.yaml(DeployFiles.ROOT.resolve("docker-compose.yml"))
                .get("services");
        Set<String> unknown = new TreeSet<>();
        for (String module : DeployFiles.imageModules()) {
            Object environment = at(services.get(module), "environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.keySet().stream().map(String::valueOf).filter(name -> !isRead(name, read))
                        .forEach(name -> unknown.add(module + ": " + name));
            }
        }
        assertThat(unknown).as("variables no service reads").isEmpty();
    }

    @Test
    void theKubernetesBaseSetsOnlyVariablesTheServicesRead() throws Exception {
        Set<String> read = variablesTheServicesRead();
        Path base = DeployFiles.ROOT.resolve("deploy/k8s/base");
        Set<String> unknown = new TreeSet<>();
        for (Object generator : (List<?>) at(DeployFiles.yaml(base.resolve("kustomization.yaml")), "configMapGenerator")) {
            for (Object literal : (List<?>) at(generator, "literals")) {
                String name = String.valueOf(literal).split("=", 2)[0];
                if (!isRead(name, read) && !MANIFEST_ONLY.contains(name)) {
                    unknown.add(at(generator, "name") + ": " + name);
                }
            }
        }
        for (String module : DeployFiles.imageModules()) {
            for (Map<String, Object> object : DeployFiles.yamlDocuments(DeployFiles.read(base.resolve(module + ".yaml")))) {
                Object env = at(object, "spec", "template", "spec", "containers", 0, "env");
                if (env instanceof List<?> variables) {
                    variables.stream().map(variable -> String.valueOf(at(variable, "name")))
                            .filter(name -> !isRead(name, read)).forEach(name -> unknown.add(module + ": " + name));
                }
            }
        }
        assertThat(unknown).as("variables no service reads").isEmpty();
    }

    private static boolean isRead(String name, Set<String> read) {
        return read.contains(name) || READ_WITHOUT_PLACEHOLDER.contains(name) || name.startsWith("CRYPTOTRACKER_");
    }

    /** Every ${NAME} placeholder in the services' configuration files and the shared defaults. */
    private static Set<String> variablesTheServicesRead() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> roots = Stream.concat(DeployFiles.imageModules().stream(), Stream.of("common-lib"))
                .map(module -> DeployFiles.ROOT.resolve(module).resolve("src/main/resources")).toList();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")
                        || f.toString().endsWith(".properties")).toList()) {
                    Matcher matcher = PLACEHOLDER.matcher(DeployFiles.read(file));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        return names;
    }
}
