package io.cryptotracker.notifications.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code iat} of an access token common-lib's verifier has already accepted (it keeps only the user). */
final class TokenIssuedAt {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenIssuedAt() {
    }

    /** Null when the token carries no {@code iat}. */
    static Instant of(String verifiedToken) {
        if (verifiedToken == null) {
            return null;
        }
        int first = verifiedToken.indexOf('.');
        int second = verifiedToken.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(verifiedToken.substring(first + 1, second));
            JsonNode iat = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("iat");
            return iat == null || !iat.isNumber() ? null : Instant.ofEpochSecond(iat.asLong());
        }
        catch (RuntimeException ex) {
            return null;
        }
    }
}
