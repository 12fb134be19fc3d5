package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.cryptotracker.gateway.auth.AccessRules;
import io.cryptotracker.gateway.auth.EdgeAuthProperties;
import io.cryptotracker.gateway.console.ConsoleConfiguration;
import io.cryptotracker.gateway.ratelimit.RateLimitProperties;
import io.cryptotracker.gateway.ratelimit.RatePolicies;
import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console through the whole gateway: the real web-console jar's {@code index.html} and favicon, the real
 * WebJars, and a few fixture modules of this module's tests ({@code META-INF/cryptotracker-console/test-fixture/})
 * so that hashing and the import map are exercised whatever the console's own modules are today.
 */
class ConsoleTest extends GatewayIntegrationTest {

    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final String FIXTURE = "/assets/test-fixture/";
    private static final String LONG_CACHE = "max-age=31536000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EdgeAuthProperties edgeAuth;

    @Autowired
    RateLimitProperties rateLimits;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/board/funding-rate", "/signals/4b0f3a52-9a51-4f7e-8f0e-2f6c3d1b9a10", "/sign-in",
            "/register", "/board/mexc-dex", "/notifications", "/settings", "/market", "/admin", "/statistics",
            "/symbols/BTC-USDT" })
    void everyConsoleRouteAnswersThePageWithoutATokenAndWithoutARateLimitCharge(String route) {
        client.get().uri(route).accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectHeader().doesNotExist("X-RateLimit-Limit")
                .expectHeader().doesNotExist("X-RateLimit-Remaining")
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/board/funding-rate", "/sign-in" })
    void headOnAConsoleRouteAnswersLikeGetWithoutTheBody(String route) {
        client.head().uri(route)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().isEmpty();
    }

    @Test
    void thePagesPolicyLetsExactlyItsImportMapRunAndNothingInline() {
        EntityExchangeResult<String> page = client.get().uri("/signals/" + UUID.randomUUID())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(String.class).returnResult();
        String importMap = importMapText(page.getResponseBody());

        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy")).isEqualTo("default-src 'self'; "
                + "script-src 'self' 'sha256-" + sha256Base64(importMap) + "'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'");
    }

    @Test
    void theImportMapNamesEveryModuleAtItsHashedUrlAndKeepsTheLibraries() {
        JsonNode imports = JSON.readTree(importMapText(page())).get("imports");

        assertThat(imports.get(FIXTURE + "probe.js").asString()).matches("/assets/test-fixture/probe\\.[0-9a-f]{8}\\.js");
        assertThat(imports.get(FIXTURE + "lib/probe-lib.js").asString())
                .matches("/assets/test-fixture/lib/probe-lib\\.[0-9a-f]{8}\\.js");
        for (String library : List.of("preact", "preact/hooks", "htm", "uplot")) {
            String url = imports.get(library).asString();
            assertThat(url).as(library).startsWith("/webjars/");
            client.get().uri(url).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains(LONG_CACHE))
                    .expectHeader().doesNotExist("X-RateLimit-Limit");
        }
        // every module the page can import is mapped, and its hashed URL serves the same file as its plain one
        for (var entry : imports.properties()) {
            if (entry.getKey().startsWith("/assets/")) {
                byte[] plain = body(entry.getKey());
                assertThat(body(entry.getValue().asString())).as(entry.getKey()).isEqualTo(plain);
            }
        }
    }

    @Test
    void aHashedFileIsCachedForAYearWithItsContentType() {
        String html = page();
        String moduleUrl = JSON.readTree(importMapText(html)).get("imports").get(FIXTURE + "probe.js").asString();
        assertThat(moduleUrl).isEqualTo(FIXTURE + "probe." + shortSha256(body(FIXTURE + "probe.js")) + ".js");
        immutable(moduleUrl, "text/javascript");
        immutable(FIXTURE + "probe." + shortSha256(body(FIXTURE + "probe.css")) + ".css", "text/css");
        Matcher favicon = Pattern.compile("href=\"(/assets/icons/favicon\\.[0-9a-f]{8}\\.svg)\"").matcher(html);
        assertThat(favicon.find()).as("the favicon link is hashed").isTrue();
        immutable(favicon.group(1), "image/svg+xml");
    }

    @Test
    void aPlainFileUrlStillAnswersButMustBeRevalidated() {
        String etag = client.get().uri(FIXTURE + "probe.js")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody(String.class).value(script -> assertThat(script).contains("./lib/probe-lib.js"))
                .returnResult().getResponseHeaders().getETag();

        client.get().uri(FIXTURE + "probe.js").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void thePageAnswers304WhileItIsUnchanged() {
        String etag = client.get().uri("/").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        client.get().uri("/board/funding-rate").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void aHashThatDoesNotMatchTheFileOrAFileThatIsNotTheConsolesIsNotFound() {
        for (String path : List.of(FIXTURE + "probe.0badc0de.js", "/assets/missing.js", "/assets/application.yml",
                "/assets/io/cryptotracker/gateway/GatewayApplication.class", "/webjars/preact/10.26.4/no-such.js")) {
            client.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void onlyTheConsolesLibrariesAreServedFromTheClassPath() {
        // Boot's catch-all /** mapping of the class path's static locations serves nothing
        String token = bearer(TestTokens.valid());
        for (String path : List.of("/_static/htm/3.1.1/dist/htm.module.js", "/application.yml",
                "/META-INF/cryptotracker-console/index.html", "/io/cryptotracker/gateway/GatewayApplication.class",
                "/META-INF/resources/webjars/preact/10.26.4/package.json")) {
            client.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange()
                    .expectStatus().isNotFound();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/../application.yml", "/assets/%2e%2e/application.yml",
            "/assets/test-fixture/..%2Fprobe.js", "/assets/test-fixture%5C..%5Cprobe.js",
            "/webjars/preact/10.26.4/../../uplot/1.6.30/package.json", "/webjars/htm/..;/preact/10.26.4/package.json",
            "/assets//test-fixture/probe.js", "/webjars/preact/10.26.4/dist/" })
    void pathTraversalOnTheConsolesFilesIsRefusedBeforeAnythingReadsThePath(String path) {
        client.get().uri(URI.create("http://localhost:" + port + path))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/%252e%252e/application.yml", "/webjars/preact/10.26.4/%252e%252e/package.json",
            "/assets/test-fixture/%2e%2e%252fprobe.js" })
    void doublyEncodedTraversalPastTheCanonicalCheckIsNotFound(String path) {
        client.get().uri(URI.create("http://localhost:" + port + path))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(400, 404));
    }

    @Test
    void thePageAndModulesAreGzippedForAClientThatAcceptsItAndApiJsonIsNot() {
        // what is smaller than server.compression.min-response-size (512 B) goes out as it is
        String module = JSON.readTree(importMapText(page())).get("imports").get(FIXTURE + "lib/probe-lib.js").asString();
        for (String url : List.of("/", "/board/funding-rate", "/webjars/preact/10.26.4/dist/preact.module.js",
                "/webjars/htm/3.1.1/dist/htm.module.js", module)) {
            EntityExchangeResult<byte[]> answer = gzipClient().get().uri(url).header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(byte[].class).returnResult();
            assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).as(url).isEqualTo("gzip");
            assertThat(answer.getResponseHeaders().getVary()).as(url).contains(HttpHeaders.ACCEPT_ENCODING);
            assertThat(gunzip(answer.getResponseBody())).as(url).isEqualTo(body(url));
        }
        EntityExchangeResult<String> json = gzipClient().get().uri("/api/v1/notifications/large")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectBody(String.class).returnResult();
        assertThat(json.getResponseBody()).isEqualTo(Downstreams.LARGE_JSON);
        assertThat(json.getResponseHeaders().getVary()).doesNotContain(HttpHeaders.ACCEPT_ENCODING);
    }

    /**
     * The first load: the page, its stylesheets, every console module (some are loaded only later, so this is an
     * upper bound), Preact, its hooks and htm, as a browser gets them (gzip). uPlot loads when the drawer opens.
     */
    @Test
    void theFirstLoadStaysUnder150KilobytesCompressed() {
        String html = page();
        JsonNode imports = JSON.readTree(importMapText(html)).get("imports");
        List<String> urls = new ArrayList<>(List.of("/", imports.get("preact").asString(),
                imports.get("preact/hooks").asString(), imports.get("htm").asString()));
        // the links the gateway hashed: the files that exist (a link to a missing file is left as it is)
        Matcher links = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+\\.[0-9a-f]{8}\\.[a-z]+)\"").matcher(html);
        while (links.find()) {
            urls.add(links.group(1));
        }
        imports.properties().stream().filter(entry -> entry.getKey().startsWith("/assets/"))
                .forEach(entry -> urls.add(entry.getValue().asString()));
        long compressed = urls.stream().distinct().mapToLong(url -> gzipClient().get().uri(url)
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody().length).sum();

        assertThat(compressed).isLessThan(150 * 1024);
    }

    @Test
    void theApiBehavesAsBefore() {
        client.get().uri("/api/v1/users/me").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/nothing-here").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/nothing-here").accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void swaggerUiStillLoadsItsFilesUnderItsOwnPolicyAndRateLimit() {
        client.get().uri("/webjars/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-RateLimit-Limit")
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("style-src 'self' 'unsafe-inline'"));
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css",
                "swagger-initializer.js")) {
            client.get().uri("/webjars/swagger-ui/" + file)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().exists("X-RateLimit-Limit");
        }
    }

    @Test
    void theConsolesSessionEndpointsArePublicAndItsLoginSharesTheCredentialsBucket() {
        for (String endpoint : List.of("login", "refresh", "logout")) {
            client.post().uri("/api/v1/auth/console/" + endpoint).header("X-CryptoTracker-Console", "1")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.served_by").isEqualTo("auth-service");
        }
        // the credentials policy's own quota (burst 10); the tests' default quotas are 100000
        client.post().uri("/api/v1/auth/console/login").exchange()
                .expectHeader().valueEquals("X-RateLimit-Limit", "10");
    }

    /** A client that leaves answers as they come: {@link #client} may decompress them and drop the header. */
    private WebTestClient gzipClient() {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().compress(false)))
                .baseUrl("http://localhost:" + port).build();
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void everyPathTheConsoleServesIsPublicAndOutsideTheRateLimitsInTheGatewaysSettings() {
        AccessRules access = new AccessRules(edgeAuth.publicEndpoints(), edgeAuth.ticketPaths());
        RatePolicies policies = new RatePolicies(rateLimits);
        List<String> paths = new ArrayList<>(List.of("/assets/app/main.js", "/assets/app/main.3f9c1a2b.js",
                "/webjars/preact/10.26.4/hooks/dist/hooks.module.js", "/webjars/htm/3.1.1/dist/htm.module.js",
                "/webjars/uplot/1.6.30/dist/uPlot.min.css"));
        for (String page : ConsoleConfiguration.PAGES) {
            paths.add(page.replace("/**", ""));
            paths.add(page.replace("/**", "/some/deep/link"));
        }
        for (String path : paths) {
            assertThat(access.decide(HttpMethod.GET, path, null, List.of())).as(path).isInstanceOf(AccessRules.Open.class);
            assertThat(policies.resolve(HttpMethod.GET, path).exempt()).as(path).isTrue();
        }
        assertThat(access.decide(HttpMethod.POST, "/", null, List.of())).isInstanceOf(AccessRules.Refused.class);
        assertThat(policies.resolve(HttpMethod.POST, "/api/v1/auth/console/login").name())
                .isEqualTo(policies.resolve(HttpMethod.POST, "/api/v1/auth/login").name()).isEqualTo("credentials");
        assertThat(policies.resolve(HttpMethod.GET, "/webjars/swagger-ui/index.html").name()).isEqualTo("api-docs");
    }

    private String page() {
        return client.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private byte[] body(String url) {
        return client.get().uri(url).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private void immutable(String url, String contentType) {
        client.get().uri(url)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(contentType))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache)
                        .contains("public").contains(LONG_CACHE).contains("immutable"))
                .expectHeader().doesNotExist("X-RateLimit-Limit");
    }

    private static String shortSha256(byte[] content) {
        return HexFormat.of().formatHex(sha256(content)).substring(0, 8);
    }

    private static String importMapText(String html) {
        Matcher matcher = IMPORT_MAP.matcher(html);
        assertThat(matcher.find()).as("the page has an import map").isTrue();
        return matcher.group(1);
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
