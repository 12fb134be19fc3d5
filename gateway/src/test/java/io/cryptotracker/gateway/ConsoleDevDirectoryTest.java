package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code CONSOLE_DEV_DIR}: the console read from a developer's directory on every request, nothing hashed. */
class ConsoleDevDirectoryTest extends GatewayIntegrationTest {

    private static final Path WORKSPACE = workspace();
    private static final Path CONSOLE = WORKSPACE.resolve("console");
    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void consoleFromADirectory(DynamicPropertyRegistry registry) {
        registry.add("cryptotracker.gateway.console.dev-directory", CONSOLE::toString);
    }

    @Test
    void thePageIsTheDirectorysAsItIsAndAnEditShowsOnTheNextRequest() {
        write("index.html", page("one"));
        String html = client.get().uri("/board/funding-rate")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectHeader().doesNotExist("X-RateLimit-Limit")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).isEqualTo(page("one"));

        write("index.html", page("two"));
        client.get().uri("/")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self' 'sha256-" + sha256Base64(importMap(page("two"))) + "'"))
                .expectBody(String.class).isEqualTo(page("two"));
    }

    @Test
    void filesAreReadOnEveryRequestAndNeverCached() {
        write("app/main.js", "export const version = 1;\n");
        client.get().uri("/assets/app/main.js")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).isEqualTo("export const version = 1;\n");

        write("app/main.js", "export const version = 2;\n");
        client.get().uri("/assets/app/main.js")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("export const version = 2;\n");
    }

    @Test
    void nothingIsHashedAndNothingOutsideTheDirectoryIsServed() {
        write("app/main.js", "export const version = 3;\n");
        client.get().uri("/assets/app/main.0123abcd.js").exchange().expectStatus().isNotFound();
        for (String path : new String[] { "/assets/%252e%252e/secret.txt", "/assets/..%252fsecret.txt" }) {
            client.get().uri(URI.create("http://localhost:" + port + path))
                    .exchange()
                    .expectStatus().value(status -> assertThat(status).isIn(400, 404));
        }
        client.get().uri(URI.create("http://localhost:" + port + "/assets/../secret.txt"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    private static String page(String title) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <title>%s</title>
                  <script type="importmap">
                  { "imports": { "preact": "/webjars/preact/10.26.4/dist/preact.module.js" } }
                  </script>
                  <script type="module" src="/assets/app/main.js"></script>
                </head>
                <body><div id="app"></div></body>
                </html>
                """.formatted(title);
    }

    private static String importMap(String html) {
        Matcher matcher = IMPORT_MAP.matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void write(String path, String content) {
        try {
            Path file = CONSOLE.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A directory with the console (its index.html, which the gateway checks at start) and a secret next to it. */
    private static Path workspace() {
        try {
            Path workspace = Files.createTempDirectory("console-dev-");
            Files.createDirectories(workspace.resolve("console"));
            Files.writeString(workspace.resolve("console/index.html"), page("start"));
            Files.writeString(workspace.resolve("secret.txt"), "not the console's");
            return workspace;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
