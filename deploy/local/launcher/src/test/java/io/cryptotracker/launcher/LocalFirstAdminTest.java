package io.cryptotracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFirstAdminTest {

    @TempDir
    Path data;

    @Test
    void withoutConfigurationTheLocalRunHasAnAdminWhosePasswordIsGeneratedOnceAndKeptOwnerReadable()
            throws IOException {
        LocalFirstAdmin first = LocalFirstAdmin.decide(Map.of(), data);
        LocalFirstAdmin again = LocalFirstAdmin.decide(Map.of("CRYPTOTRACKER_ADMIN_EMAIL", " "), data);

        assertThat(first.email()).isEqualTo("admin@cryptotracker.local");
        assertThat(first.environment()).containsEntry("CRYPTOTRACKER_ADMIN_EMAIL", "admin@cryptotracker.local");
        String password = first.environment().get("CRYPTOTRACKER_ADMIN_PASSWORD");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(again.environment()).containsEntry("CRYPTOTRACKER_ADMIN_PASSWORD", password);
        assertThat(first.passwordFile()).isEqualTo(data.resolve("first-admin.properties"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.passwordFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void aConfiguredAdminIsLeftToAuthServiceWhichReadsTheEnvironmentItself() {
        LocalFirstAdmin configured = LocalFirstAdmin.decide(Map.of("CRYPTOTRACKER_ADMIN_EMAIL", "ops@example.com",
                "CRYPTOTRACKER_ADMIN_PASSWORD", "violet harbour lantern 42"), data);

        assertThat(configured.email()).isEqualTo("ops@example.com");
        assertThat(configured.environment()).isEmpty();
        assertThat(configured.passwordFile()).isNull();
        assertThat(data.resolve("first-admin.properties")).doesNotExist();
    }
}
