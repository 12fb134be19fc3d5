package io.cryptotracker.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers every console route with {@code index.html}: {@code no-cache} (so a new release is seen on the next load,
 * with a 304 while it is unchanged), its own Content-Security-Policy (which {@code SecurityHeadersFilter} then
 * leaves alone) and {@code Referrer-Policy: same-origin}. The page is built once from the jar, or read from the
 * developer's directory on every request.
 */
final class ConsolePageHandler {

    static final String INDEX = "index.html";
    private static final Logger log = LoggerFactory.getLogger(ConsolePageHandler.class);

    private final Mono<ConsolePage> page;

    private ConsolePageHandler(Mono<ConsolePage> page) {
        this.page = page;
    }

    /** The jar's page with hashed URLs, built now. */
    static ConsolePageHandler fromJar(ConsoleFiles files) {
        ConsolePage page;
        try {
            page = ConsolePage.hashed(new ClassPathResource(ConsoleFiles.CLASSPATH_DIRECTORY + INDEX)
                    .getContentAsString(StandardCharsets.UTF_8), files);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The web-console jar has no " + INDEX, ex);
        }
        page.unknownAssets().forEach(path -> log.warn("The console's {} links {}, which is not a console file", INDEX, path));
        return new ConsolePageHandler(Mono.just(page));
    }

    /** The page read from a developer's directory on every request, as it is. */
    static ConsolePageHandler fromDirectory(Path directory) {
        Path index = directory.resolve(INDEX);
        return new ConsolePageHandler(Mono.fromCallable(() -> ConsolePage.asIs(Files.readString(index)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return page.flatMap(current -> request.checkNotModified(current.etag())
                .switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache())
                        .eTag(current.etag())
                        .header("Content-Security-Policy", current.contentSecurityPolicy())
                        .header("Referrer-Policy", "same-origin")
                        .bodyValue(current.html()))));
    }
}
