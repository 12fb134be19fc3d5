package io.cryptotracker.gateway.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the web console (web-console/README.md, "How the gateway serves it"): its routes answer the page, its
 * files are under {@code /assets/}, its libraries under {@code /webjars/<name>/<version>/}. Nothing else on the class
 * path is served. All of it is public and outside the rate limits ({@code application.yml}: the public endpoints
 * and the {@code console} policy name the same paths).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebFluxConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleConfiguration.class);

    /** The console's routes: deep links answer the page, whose own router shows the screen. */
    public static final List<String> PAGES = List.of("/", "/sign-in", "/register", "/board/**", "/signals/**",
            "/notifications/**", "/settings/**", "/market/**", "/admin/**", "/statistics/**", "/symbols/**");

    /** Files whose URL changes with their content: hashed console files and versioned libraries. */
    static final CacheControl LONG_CACHE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    /**
     * The libraries the import map names, by URL pattern: each WebJar's own directory, whose next segment is the
     * version, so every URL is versioned. htm is an mvnpm jar, which keeps its files under {@code _static}.
     */
    private static final Map<String, String> LIBRARIES = Map.of(
            "/webjars/preact/**", "classpath:/META-INF/resources/webjars/preact/",
            "/webjars/uplot/**", "classpath:/META-INF/resources/webjars/uplot/",
            "/webjars/htm/**", "classpath:/META-INF/resources/_static/htm/");

    private final Path devDirectory;
    private final ConsoleFiles files;

    public ConsoleConfiguration(ConsoleProperties properties) {
        this.devDirectory = properties.devDirectoryPath() == null ? null : checked(properties.devDirectoryPath());
        this.files = devDirectory == null ? ConsoleFiles.fromClasspath() : null;
        if (devDirectory != null) {
            log.warn("CONSOLE_DEV_DIR is set: the web console is read from {} on every request, without hashing or "
                    + "caching. For development only.", devDirectory);
        }
        else {
            log.info("Serving the web console's {} files from the web-console jar", files.hashByPath().size());
        }
    }

    @Bean
    RouterFunction<ServerResponse> consolePages() {
        ConsolePageHandler handler = devDirectory == null ? ConsolePageHandler.fromJar(files)
                : ConsolePageHandler.fromDirectory(devDirectory);
        RouterFunctions.Builder routes = RouterFunctions.route();
        // HEAD answers the same headers without the body (WebFlux drops it), for link checkers and probes
        PAGES.forEach(page -> routes.route(RequestPredicates.path(page)
                .and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)), handler::page));
        return routes.build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (devDirectory != null) {
            registry.addResourceHandler("/assets/**")
                    .addResourceLocations(devDirectory.toUri().toString())
                    .setCacheControl(CacheControl.noCache())
                    .setUseLastModified(false);
        }
        else {
            // the content hash is the validator: the jar's entry times say nothing about a file's version
            registry.addResourceHandler("/assets/**")
                    .addResourceLocations("classpath:/" + ConsoleFiles.CLASSPATH_DIRECTORY)
                    .setCacheControl(CacheControl.noCache())
                    .setUseLastModified(false)
                    .setEtagGenerator(HashedAssetResolver::etag)
                    .resourceChain(false)
                    .addResolver(new HashedAssetResolver(files));
        }
        LIBRARIES.forEach((pattern, location) -> registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(LONG_CACHE));
    }

    private static Path checked(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute.resolve(ConsolePageHandler.INDEX))) {
            throw new IllegalStateException("CONSOLE_DEV_DIR (cryptotracker.gateway.console.dev-directory) must be a "
                    + "directory with the console's " + ConsolePageHandler.INDEX + ": " + absolute);
        }
        return absolute;
    }
}
