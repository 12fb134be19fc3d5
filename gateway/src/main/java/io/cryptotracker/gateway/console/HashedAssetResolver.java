package io.cryptotracker.gateway.console;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.HttpResource;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves a console file under {@code /assets/} by its hashed path ({@code app/main.3f9c1a2b.js}) or its plain one
 * ({@code app/main.js}), both through the rest of the chain, i.e. Spring's {@code PathResourceResolver} with its
 * location checks. A file reached by its hashed path is cacheable for a year, since that URL never names other
 * content; one reached by its plain path keeps the handler's {@code no-cache}. Both carry their content hash as ETag
 * ({@link #etag}).
 *
 * <p>Spring's {@code VersionResourceResolver} was not enough: its content strategy names files
 * {@code main-<md5>.js}, hashes them on every request unless cached, and cannot give the hashed and the plain URL of
 * one file different caching.
 */
final class HashedAssetResolver extends AbstractResourceResolver {

    private final ConsoleFiles files;

    HashedAssetResolver(ConsoleFiles files) {
        this.files = files;
    }

    @Override
    protected Mono<Resource> resolveResourceInternal(ServerWebExchange exchange, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        String plainPath = files.pathOfHashed(requestPath);
        if (plainPath != null) {
            return chain.resolveResource(exchange, plainPath, locations)
                    .map(resource -> new ConsoleFile(resource, files.hashOf(plainPath), true));
        }
        String hash = files.hashOf(requestPath);
        return chain.resolveResource(exchange, requestPath, locations)
                .map(resource -> hash == null ? resource : new ConsoleFile(resource, hash, false));
    }

    @Override
    protected Mono<String> resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        String hashed = files.hashedPathOf(resourceUrlPath);
        return hashed != null ? Mono.just(hashed) : chain.resolveUrlPath(resourceUrlPath, locations);
    }

    /** The entity tag of a resolved console file: its content hash ({@code null} for anything else). */
    static String etag(Resource resource) {
        return resource instanceof ConsoleFile file ? "\"" + file.hash + "\"" : null;
    }

    /** A console file with its content hash, and a year's caching when it was asked for by its hashed path. */
    private static final class ConsoleFile implements HttpResource {

        private final Resource file;
        private final String hash;
        private final boolean immutable;

        ConsoleFile(Resource file, String hash, boolean immutable) {
            this.file = file;
            this.hash = hash;
            this.immutable = immutable;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            if (immutable) {
                headers.setCacheControl(ConsoleConfiguration.LONG_CACHE);
            }
            return headers;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return file.getInputStream();
        }

        @Override
        public boolean exists() {
            return file.exists();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public boolean isFile() {
            return file.isFile();
        }

        @Override
        public URL getURL() throws IOException {
            return file.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return file.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return file.getFile();
        }

        @Override
        public ReadableByteChannel readableChannel() throws IOException {
            return file.readableChannel();
        }

        @Override
        public long contentLength() throws IOException {
            return file.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return file.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return file.createRelative(relativePath);
        }

        @Override
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getDescription() {
            return file.getDescription();
        }
    }
}
