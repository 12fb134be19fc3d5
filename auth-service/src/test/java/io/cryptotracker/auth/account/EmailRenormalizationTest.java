package io.cryptotracker.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.auth.account.EmailRenormalization.StoredEmail;
import org.junit.jupiter.api.Test;

class EmailRenormalizationTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID fullWidthAlice = UUID.randomUUID();
    private final UUID fullWidthBob = UUID.randomUUID();
    private final UUID cyrillicAlice = UUID.randomUUID();
    private final UUID plain = UUID.randomUUID();

    @Test
    void renormalizesCompatibilitySpellingsAndLeavesPlainAddressesAlone() {
        var plan = EmailRenormalization.plan(List.of(
                new StoredEmail(plain, "Carol@example.com", "carol@example.com"),
                new StoredEmail(fullWidthBob, "ＢＯＢ@example.com", "ｂｏｂ@example.com")));

        assertThat(plan.updates()).isEqualTo(Map.of(fullWidthBob, "bob@example.com"));
        assertThat(plan.collisions()).isEmpty();
        assertThat(plan.refused()).isEmpty();
    }

    @Test
    void theAccountHoldingTheAddressKeepsItAndALaterLookAlikeKeepsItsOldValue() {
        var plan = EmailRenormalization.plan(List.of(
                new StoredEmail(fullWidthAlice, "ａｌｉｃｅ@example.com", "ａｌｉｃｅ@example.com"),
                new StoredEmail(alice, "alice@example.com", "alice@example.com")));

        assertThat(plan.updates()).isEmpty();
        assertThat(plan.collisions()).containsExactly(fullWidthAlice);
    }

    @Test
    void amongLookAlikesThatAllChangeTheOldestGetsTheAddress() {
        UUID older = UUID.randomUUID();
        var plan = EmailRenormalization.plan(List.of(
                new StoredEmail(older, "ＡＬＩＣＥ@example.com", "ａｌｉｃｅ@example.com"),
                new StoredEmail(fullWidthAlice, "alｉce@example.com", "alｉce@example.com")));

        assertThat(plan.updates()).isEqualTo(Map.of(older, "alice@example.com"));
        assertThat(plan.collisions()).containsExactly(fullWidthAlice);
    }

    @Test
    void addressesBreakingTheLookAlikeRuleAreNamed() {
        var plan = EmailRenormalization.plan(List.of(
                new StoredEmail(alice, "alice@example.com", "alice@example.com"),
                new StoredEmail(cyrillicAlice, "\u0430lice@example.com", "\u0430lice@example.com")));

        assertThat(plan.updates()).isEmpty();
        assertThat(plan.refused()).containsExactly(cyrillicAlice);
    }
}
