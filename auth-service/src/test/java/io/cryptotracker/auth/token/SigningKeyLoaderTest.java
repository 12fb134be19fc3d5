package io.cryptotracker.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyLoaderTest {

    @TempDir
    Path directory;

    @Test
    void withoutConfiguredKeysADevelopmentKeyIsGeneratedOnceAndKept() throws IOException {
        Path file = directory.resolve("nested/dev-key.pem");
        SigningKeyRing first = SigningKeyLoader.load(new SigningKeyProperties(List.of(), null, file));
        assertThat(file).exists();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        SigningKeyRing second = SigningKeyLoader.load(new SigningKeyProperties(List.of(), null, file));
        assertThat(second.active().id()).isEqualTo(first.active().id()).startsWith("dev-");
        assertThat(second.active().publicKey()).isEqualTo(first.active().publicKey());
        assertThat(Files.list(file.getParent())).hasSize(1);
    }

    @Test
    void readsConfiguredKeysInlineOrFromAFileAndSignsWithTheActiveOne() throws Exception {
        SigningKey old = PemKeys.generate("old");
        SigningKey current = PemKeys.generate("current");
        Path currentFile = directory.resolve("current.pem");
        Files.writeString(currentFile, PemKeys.write(current.privateKey()));
        SigningKeyRing ring = SigningKeyLoader.load(new SigningKeyProperties(List.of(
                new SigningKeyProperties.Key("old", PemKeys.write(old.privateKey())),
                new SigningKeyProperties.Key("current", "file:" + currentFile)), "current",
                directory.resolve("unused.pem")));
        assertThat(ring.active().id()).isEqualTo("current");
        assertThat(ring.active().publicKey()).isEqualTo(current.publicKey());
        assertThat(ring.publicKeys().getKeyByKeyId("old").toRSAKey().toRSAPublicKey()).isEqualTo(old.publicKey());
        assertThat(directory.resolve("unused.pem")).doesNotExist();
    }

    @Test
    void acceptsTheBase64BodyAloneForEnvironmentVariables() {
        SigningKey key = PemKeys.generate("k");
        String body = PemKeys.write(key.privateKey()).replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replace("\n", "");
        assertThat(PemKeys.read("k", body).publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void refusesGarbageWithoutRepeatingItAndExplainsPkcs1() {
        assertThatThrownBy(() -> PemKeys.read("k", "c2VjcmV0LXN0dWZm"))
                .hasMessage("Key k is not a PKCS#8 PEM RSA private key");
        assertThatThrownBy(() -> PemKeys.read("k", "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"))
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void keysAndPropertiesNeverPrintKeyMaterial() {
        SigningKey key = PemKeys.generate("k");
        String pem = PemKeys.write(key.privateKey());
        assertThat(key.toString()).isEqualTo("SigningKey[id=k, bits=2048]");
        assertThat(new SigningKeyProperties.Key("k", pem).toString()).doesNotContain(pem.substring(30, 60));
    }
}
