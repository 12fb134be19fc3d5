package io.cryptotracker.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SigningKeyPropertiesTest {

    @Test
    void keysCanBeGivenAsIndexedEnvironmentVariables() {
        SigningKey old = PemKeys.generate("old");
        SigningKey current = PemKeys.generate("current");
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "CRYPTOTRACKER_AUTH_KEYS_0_ID", "2026-10",
                "CRYPTOTRACKER_AUTH_KEYS_0_PRIVATEKEY", PemKeys.write(old.privateKey()),
                "CRYPTOTRACKER_AUTH_KEYS_1_ID", "2026-11",
                "CRYPTOTRACKER_AUTH_KEYS_1_PRIVATEKEY", PemKeys.write(current.privateKey()),
                "CRYPTOTRACKER_AUTH_ACTIVEKEYID", "2026-11")));

        SigningKeyProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("cryptotracker.auth", SigningKeyProperties.class);
        SigningKeyRing ring = SigningKeyLoader.load(properties);

        assertThat(ring.keyIds()).containsExactly("2026-10", "2026-11");
        assertThat(ring.active().publicKey()).isEqualTo(current.publicKey());
    }
}
