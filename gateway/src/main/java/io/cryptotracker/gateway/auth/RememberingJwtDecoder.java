package io.cryptotracker.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The edge's verified-token cache, in front of the resource server's decoder: a client that sends the same access
 * token again costs a map lookup instead of an RSA signature check and a JWT parse – measured in
 * {@code bench/gateway} as the largest part of the gateway's CPU per request (RESULTS.md, "token cache").
 * <p>
 * An entry is the exact token string the decoder accepted, kept at most {@code ttl} and never past the token's own
 * {@code exp} (the decoder's clock-skew allowance is not extended to cached tokens): a remembered token is accepted
 * only while a fresh check would accept it too. Refused tokens are not remembered, so a made-up token always reaches
 * the decoder. Only this gateway keeps one; each service behind it verifies the token again.
 */
final class RememberingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Duration ttl;
    private final Cache<String, Remembered> verified;

    RememberingJwtDecoder(ReactiveJwtDecoder decoder, Clock clock, Duration ttl, long maxTokens) {
        this.decoder = decoder;
        this.clock = clock;
        this.ttl = ttl;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(ttl).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Remembered remembered = verified.getIfPresent(token);
        if (remembered != null) {
            if (clock.instant().isBefore(remembered.until())) {
                return Mono.just(remembered.jwt());
            }
            verified.invalidate(token);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            Instant now = clock.instant();
            if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
                Instant limit = now.plus(ttl);
                verified.put(token, new Remembered(jwt, jwt.getExpiresAt().isBefore(limit) ? jwt.getExpiresAt() : limit));
            }
        });
    }

    private record Remembered(Jwt jwt, Instant until) {
    }
}
