package io.cryptotracker.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsolePageTest {

    private static final ConsoleFiles FILES = new ConsoleFiles(Map.of(
            "app/main.js", "aaaaaaaa", "app/lib/api.js", "bbbbbbbb", "styles/console.css", "cccccccc",
            "icons/favicon.svg", "dddddddd", "LICENSE", "eeeeeeee"));

    private static final String INDEX = """
            <!doctype html>
            <html>
            <head>
              <link rel="icon" href="/assets/icons/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/assets/styles/console.css">
              <link rel="stylesheet" href="/assets/styles/missing.css">
              <script type="importmap">
              {
                "imports": {
                  "preact": "/webjars/preact/10.26.4/dist/preact.module.js",
                  "app": "/assets/app/main.js"
                }
              }
              </script>
              <script type="module" src="/assets/app/main.js"></script>
            </head>
            <body><a href="https://example.com/assets/app/main.js">elsewhere</a></body>
            </html>
            """;

    @Test
    void linksToConsoleFilesGetTheirHashedUrlsAndOthersStayAsTheyAre() {
        ConsolePage page = ConsolePage.hashed(INDEX, FILES);

        assertThat(page.html())
                .contains("href=\"/assets/icons/favicon.dddddddd.svg\"")
                .contains("href=\"/assets/styles/console.cccccccc.css\"")
                .contains("<script type=\"module\" src=\"/assets/app/main.aaaaaaaa.js\"></script>")
                .contains("href=\"/assets/styles/missing.css\"")
                .contains("href=\"https://example.com/assets/app/main.js\"");
        assertThat(page.unknownAssets()).containsExactly("/assets/styles/missing.css");
    }

    @Test
    void theImportMapKeepsItsEntriesAndMapsEveryModuleToItsHashedUrl() {
        JsonNode imports = JsonMapper.builder().build().readTree(importMap(ConsolePage.hashed(INDEX, FILES).html()))
                .get("imports");

        assertThat(imports.get("preact").asString()).isEqualTo("/webjars/preact/10.26.4/dist/preact.module.js");
        assertThat(imports.get("app").asString()).isEqualTo("/assets/app/main.aaaaaaaa.js");
        assertThat(imports.get("/assets/app/main.js").asString()).isEqualTo("/assets/app/main.aaaaaaaa.js");
        assertThat(imports.get("/assets/app/lib/api.js").asString()).isEqualTo("/assets/app/lib/api.bbbbbbbb.js");
        assertThat(imports.properties()).hasSize(4);
    }

    @Test
    void thePolicyAllowsTheFinalImportMapByItsHash() throws Exception {
        ConsolePage page = ConsolePage.hashed(INDEX, FILES);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap(page.html()).getBytes(StandardCharsets.UTF_8)));

        assertThat(page.contentSecurityPolicy())
                .startsWith("default-src 'self'; script-src 'self' 'sha256-" + hash + "'; style-src 'self'; ")
                .doesNotContain("unsafe")
                .endsWith("frame-ancestors 'none'");
    }

    @Test
    void aPageAsItIsKeepsItsTextAndItsPolicyNamesItsImportMap() throws Exception {
        ConsolePage page = ConsolePage.asIs(INDEX);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap(INDEX).getBytes(StandardCharsets.UTF_8)));

        assertThat(page.html()).isEqualTo(INDEX);
        assertThat(page.contentSecurityPolicy()).contains("script-src 'self' 'sha256-" + hash + "';");
    }

    @Test
    void aPageWithoutAnImportMapAllowsScriptFilesOnly() {
        ConsolePage page = ConsolePage.asIs("<!doctype html><script type=\"module\" src=\"/assets/app/main.js\"></script>");

        assertThat(page.contentSecurityPolicy()).contains("script-src 'self';");
    }

    @Test
    void theEntityTagChangesWithThePage() {
        assertThat(ConsolePage.asIs(INDEX).etag()).isEqualTo(ConsolePage.asIs(INDEX).etag()).matches("\"[0-9a-f]{8}\"");
        assertThat(ConsolePage.asIs(INDEX + " ").etag()).isNotEqualTo(ConsolePage.asIs(INDEX).etag());
    }

    private static String importMap(String html) {
        Matcher matcher = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
