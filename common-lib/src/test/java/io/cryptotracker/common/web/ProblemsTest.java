package io.cryptotracker.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void javaFieldNamesAreReportedAsTheClientSpelledThemInJson() {
        assertThat(Problems.jsonName("currentPassword")).isEqualTo("current_password");
        assertThat(Problems.jsonName("quietHours.start")).isEqualTo("quiet_hours.start");
        assertThat(Problems.jsonName("email")).isEqualTo("email");
    }

    @Test
    void requestIdsThatAreSafeAreKeptAndOthersReplaced() {
        assertThat(RequestIds.acceptOrCreate("abc-123_X.y")).isEqualTo("abc-123_X.y");
        assertThat(RequestIds.acceptOrCreate("bad id\nwith newline")).hasSize(36);
        assertThat(RequestIds.acceptOrCreate("x".repeat(65))).hasSize(36);
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
    }
}
