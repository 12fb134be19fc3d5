package io.cryptotracker.auth.token;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The access-token signing keys.
 *
 * @param keys every key that is published and verifies; empty for a development key
 * @param activeKeyId the key that signs new tokens; may be blank with a single key
 * @param devKeyFile where the development key is kept when no key is configured
 */
@Validated
@ConfigurationProperties("cryptotracker.auth")
public record SigningKeyProperties(@DefaultValue @Valid List<Key> keys, String activeKeyId,
        @DefaultValue("./.data/auth-dev-signing-key.pem") @NotNull Path devKeyFile) {

    /**
     * @param id the {@code kid} of tokens signed with it
     * @param privateKey PKCS#8 PEM (or its Base64 body), inline or {@code file:/path/to/key.pem}
     */
    public record Key(@NotBlank String id, @NotBlank String privateKey) {

        @Override
        public String toString() {
            return "Key[id=" + id + ", privateKey=(hidden)]";
        }
    }
}
