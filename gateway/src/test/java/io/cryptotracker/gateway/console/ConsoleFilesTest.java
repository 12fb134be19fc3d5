package io.cryptotracker.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsoleFilesTest {

    @Test
    void theHashGoesBeforeTheExtensionOfTheFileName() {
        ConsoleFiles files = new ConsoleFiles(Map.of("app/lib/api.js", "3f9c1a2b", "LICENSE", "0a1b2c3d",
                "v1.2/notes", "11112222"));

        assertThat(files.hashedPathOf("app/lib/api.js")).isEqualTo("app/lib/api.3f9c1a2b.js");
        assertThat(files.hashedPathOf("LICENSE")).isEqualTo("LICENSE.0a1b2c3d");
        assertThat(files.hashedPathOf("v1.2/notes")).isEqualTo("v1.2/notes.11112222");
        assertThat(files.hashedPathOf("app/missing.js")).isNull();
        assertThat(files.pathOfHashed("app/lib/api.3f9c1a2b.js")).isEqualTo("app/lib/api.js");
        assertThat(files.pathOfHashed("app/lib/api.00000000.js")).isNull();
        assertThat(files.pathOfHashed("app/lib/api.js")).isNull();
    }

    @Test
    void theHashIsTheStartOfTheContentsSha256() {
        // echo -n console | sha256sum: 93d8874c8c86f0fc...
        assertThat(ConsoleFiles.hash("console".getBytes(StandardCharsets.UTF_8))).isEqualTo("93d8874c");
    }

    @Test
    void theJarsFilesAreFoundOnTheClassPath() {
        ConsoleFiles files = ConsoleFiles.fromClasspath();

        assertThat(files.hashByPath()).containsKeys("index.html", "icons/favicon.svg", "test-fixture/probe.js",
                "test-fixture/lib/probe-lib.js");
        assertThat(files.hashByPath().values()).allMatch(hash -> hash.matches("[0-9a-f]{8}"));
    }
}
