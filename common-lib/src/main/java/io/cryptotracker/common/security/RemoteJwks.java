package io.cryptotracker.common.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auth-service's public keys, fetched from its JWKS endpoint and cached. Keys are fetched again when the cache is
 * older than {@code refresh}, or when a token names a key id we do not know (rotation), but not more often than
 * {@code minRefreshInterval}, so garbage key ids cannot turn into a flood of requests. When a fetch fails the keys
 * already known keep working.
 */
public class RemoteJwks implements PublicKeySource {

    private static final Logger log = LoggerFactory.getLogger(RemoteJwks.class);

    private final URI uri;
    private final Function<URI, URI> resolver;
    private final Duration refresh;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private volatile Instant attemptedAt = Instant.EPOCH;

    /**
     * @param uri the JWKS address
     * @param resolver turns an address such as {@code lb://auth-service/...} into a reachable one
     */
    public RemoteJwks(URI uri, Function<URI, URI> resolver, Duration refresh, Duration minRefreshInterval, Clock clock) {
        this.uri = uri;
        this.resolver = resolver;
        this.refresh = refresh;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    @Override
    public Optional<PublicKey> find(String keyId) {
        PublicKey key = keys.get(keyId);
        if (key == null || clock.instant().isAfter(fetchedAt.plus(refresh))) {
            // callers arriving while a fetch is under way wait for it instead of being refused
            fetch(keyId);
            key = keys.get(keyId);
        }
        return Optional.ofNullable(key);
    }

    private synchronized void fetch(String keyId) {
        Instant now = clock.instant();
        boolean stale = now.isAfter(fetchedAt.plus(refresh));
        if ((keys.containsKey(keyId) && !stale) || !now.isAfter(attemptedAt.plus(minRefreshInterval))) {
            return;
        }
        Instant previousAttempt = attemptedAt;
        attemptedAt = now;
        try {
            URI target = resolver.apply(uri);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("JWKS fetch from {} answered {}", target, response.statusCode());
                return;
            }
            keys = parse(response.body());
            fetchedAt = now;
            log.debug("Fetched {} signing keys from {}", keys.size(), target);
        }
        catch (InterruptedException ex) {
            // the caller went away (a cancelled request): the next one may try at once
            attemptedAt = previousAttempt;
            Thread.currentThread().interrupt();
        }
        catch (Exception ex) {
            log.warn("JWKS fetch from {} failed: {}", uri, ex.toString());
        }
    }

    static Map<String, PublicKey> parse(String json) {
        JwkSet set = Jwks.setParser().build().parse(json);
        Map<String, PublicKey> parsed = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            if (jwk.getId() != null && jwk.toKey() instanceof PublicKey publicKey) {
                parsed.put(jwk.getId(), publicKey);
            }
        }
        return Map.copyOf(parsed);
    }
}
