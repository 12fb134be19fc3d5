package io.cryptotracker.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.JwtClaims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;

/**
 * Plays auth-service for tests of other services: holds an RSA key, mints access tokens exactly as auth-service
 * does, and serves the JWKS over real HTTP on a loopback port ({@link #jwksUri()}), so a service under test
 * verifies tokens through its production code path.
 */
public final class TestJwtIssuer implements AutoCloseable {

    public static final String ISSUER = "cryptotracker";

    private final KeyPair keys = Jwts.SIG.RS256.keyPair().build();
    private final String keyId = "test-" + UUID.randomUUID();
    private final HttpServer server;

    public TestJwtIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot open the JWKS test server", ex);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = jwksJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
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
        return keyId;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    public String jwksJson() {
        RsaPublicJwk jwk = Jwks.builder().key(publicKey()).id(keyId).algorithm(JwtClaims.ALGORITHM)
                .publicKeyUse("sig").build();
        StringBuilder json = new StringBuilder("{\"keys\":[{");
        boolean first = true;
        for (Map.Entry<String, ?> entry : jwk.entrySet()) {
            json.append(first ? "" : ",").append('"').append(entry.getKey()).append("\":\"")
                    .append(entry.getValue()).append('"');
            first = false;
        }
        return json.append("}]}").toString();
    }

    /** A valid 15-minute access token for the user. */
    public String token(AuthenticatedUser user) {
        return token(user, ISSUER, Instant.now(), Duration.ofMinutes(15));
    }

    public String token(AuthenticatedUser user, String issuer, Instant issuedAt, Duration lifetime) {
        return Jwts.builder()
                .header().keyId(keyId).and()
                .subject(user.id().toString())
                .issuer(issuer)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(issuedAt.plus(lifetime)))
                .claim(JwtClaims.EMAIL, user.email())
                .claim(JwtClaims.TIER, user.tier().name())
                .claim(JwtClaims.ROLES, List.copyOf(user.roles()))
                .signWith(keys.getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
