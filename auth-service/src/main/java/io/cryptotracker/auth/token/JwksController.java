package io.cryptotracker.auth.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /.well-known/jwks.json}: the public keys access tokens verify with, cacheable for a few minutes. */
@RestController
@Tag(name = "Tokens")
class JwksController {

    private final SigningKeyRing keys;
    private final TokenProperties properties;

    JwksController(SigningKeyRing keys, TokenProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Operation(operationId = "getJwks", summary = "The public keys access tokens verify with (RFC 7517 JWK set)")
    @ApiResponse(responseCode = "200", description = "`{keys: [...]}`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(properties.jwksMaxAge()).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(keys.publicKeys().toString());
    }
}
