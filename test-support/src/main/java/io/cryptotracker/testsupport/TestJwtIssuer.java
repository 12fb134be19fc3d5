package io.cryptotracker.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.JwtClaims;

/**
 * Plays auth-service for tests of other services: holds an RSA key, mints access tokens exactly as auth-service
 * does, and serves the JWKS over real HTTP on a loopback port ({@link #jwksUri()}), so a service under test
 * verifies tokens through its production code path. {@link #rotate()} signs with a new key from then on (the JWKS
 * lists both); {@link #jwksAvailable(boolean)} makes the JWKS endpoint answer 503; {@link #jwksRequests()} counts
 * fetches.
 */
public final class TestJwtIssuer implements AutoCloseable {

    public static final String ISSUER = "cryptotracker";

    private final List<RSAKey> published = new ArrayList<>();
    private final HttpServer server;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile RSAKey active;
    private volatile boolean available = true;

    public TestJwtIssuer() {
        active = newKey();
        published.add(active);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot open the JWKS test server", ex);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            jwksRequests.incrementAndGet();
            byte[] body = available ? jwksJson().getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(available ? 200 : 503, available ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Where the JWKS is served, for {@code cryptotracker.security.jwks-uri}. */
    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String keyId() {
        return active.getKeyID();
    }

    public PrivateKey privateKey() {
        try {
            return active.toPrivateKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public RSAPublicKey publicKey() {
        try {
            return active.toRSAPublicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The public keys: for each its kid, kty RSA, alg RS256, use sig, n and e. */
    public synchronized String jwksJson() {
        return new JWKSet(List.<JWK>copyOf(published)).toString(true);
    }

    /** Signs with a new key from now on; the JWKS keeps the old one too, as auth-service does during a rotation. */
    public synchronized void rotate() {
        active = newKey();
        published.add(active);
    }

    /** {@code false}: the JWKS endpoint answers 503 until it is made available again. */
    public void jwksAvailable(boolean available) {
        this.available = available;
    }

    /** How often the JWKS was requested. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** A valid 15-minute access token for the user. */
    public String token(AuthenticatedUser user) {
        return token(user, ISSUER, Instant.now(), Duration.ofMinutes(15));
    }

    public String token(AuthenticatedUser user, String issuer, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.id().toString())
                .issuer(issuer)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .claim(JwtClaims.EMAIL, user.email())
                .claim(JwtClaims.TIER, user.tier().name())
                .claim(JwtClaims.ROLES, List.copyOf(user.roles()))
                .build();
        RSAKey key = active;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
