package io.cryptotracker.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.auth.token.RefreshTokenFamily.Verdict;
import org.junit.jupiter.api.Test;

class RefreshTokenFamilyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private final RefreshTokenFamily family = new RefreshTokenFamily(Duration.ofDays(30));
    private final SecureRandom random = new SecureRandom();

    @Test
    void aLoginStartsANewFamilyWithAThirtyDayToken() {
        byte[] hash = RefreshTokenSecret.generate(random).hash();
        StoredRefreshToken first = family.start(UUID.randomUUID(), hash, T0);
        StoredRefreshToken other = family.start(first.userId(), hash, T0);
        assertThat(first.familyId()).isNotEqualTo(other.familyId());
        assertThat(first.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(RefreshTokenFamily.judge(first, hash, T0)).isEqualTo(Verdict.ROTATE);
    }

    @Test
    void aSuccessorStaysInTheFamilyWithAFreshLifetime() {
        StoredRefreshToken first = family.start(UUID.randomUUID(), new byte[32], T0);
        StoredRefreshToken next = family.successor(first, new byte[32], T0.plus(Duration.ofDays(10)));
        assertThat(next.familyId()).isEqualTo(first.familyId());
        assertThat(next.userId()).isEqualTo(first.userId());
        assertThat(next.id()).isNotEqualTo(first.id());
        assertThat(next.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(40)));
    }

    @Test
    void aSpentTokenPresentedAgainIsReuse() {
        byte[] hash = RefreshTokenSecret.generate(random).hash();
        StoredRefreshToken spent = spent(family.start(UUID.randomUUID(), hash, T0), T0.plusSeconds(60));
        assertThat(RefreshTokenFamily.judge(spent, hash, T0.plusSeconds(120))).isEqualTo(Verdict.REUSED);
    }

    @Test
    void aSpentTokenIsReuseEvenAfterItExpired() {
        byte[] hash = RefreshTokenSecret.generate(random).hash();
        StoredRefreshToken spent = spent(family.start(UUID.randomUUID(), hash, T0), T0.plusSeconds(60));
        assertThat(RefreshTokenFamily.judge(spent, hash, T0.plus(Duration.ofDays(31)))).isEqualTo(Verdict.REUSED);
    }

    @Test
    void aRevokedTokenIsRevokedWhetherOrNotItWasSpent() {
        byte[] hash = RefreshTokenSecret.generate(random).hash();
        StoredRefreshToken token = family.start(UUID.randomUUID(), hash, T0);
        StoredRefreshToken revoked = revoked(token, T0.plusSeconds(5));
        assertThat(RefreshTokenFamily.judge(revoked, hash, T0.plusSeconds(10))).isEqualTo(Verdict.REVOKED);
        assertThat(RefreshTokenFamily.judge(revoked(spent(token, T0.plusSeconds(1)), T0.plusSeconds(5)), hash,
                T0.plusSeconds(10))).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void anUnspentTokenPastItsExpiryIsExpired() {
        byte[] hash = RefreshTokenSecret.generate(random).hash();
        StoredRefreshToken token = family.start(UUID.randomUUID(), hash, T0);
        assertThat(RefreshTokenFamily.judge(token, hash, T0.plus(Duration.ofDays(30)).minusMillis(1)))
                .isEqualTo(Verdict.ROTATE);
        assertThat(RefreshTokenFamily.judge(token, hash, T0.plus(Duration.ofDays(30)))).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aTokenWhoseHashDiffersFromThePresentedOneIsUnknown() {
        StoredRefreshToken token = family.start(UUID.randomUUID(), RefreshTokenSecret.generate(random).hash(), T0);
        assertThat(RefreshTokenFamily.judge(token, RefreshTokenSecret.generate(random).hash(), T0))
                .isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void secretsAre256RandomBitsInBase64UrlAndOnlyTheirHashIsKept() {
        RefreshTokenSecret one = RefreshTokenSecret.generate(random);
        RefreshTokenSecret two = RefreshTokenSecret.generate(random);
        assertThat(one.value()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(two.value());
        assertThat(RefreshTokenSecret.isWellFormed(one.value())).isTrue();
        assertThat(RefreshTokenSecret.isWellFormed(one.value() + "=")).isFalse();
        assertThat(RefreshTokenSecret.isWellFormed("not a token")).isFalse();
        assertThat(one.hash()).hasSize(32).isEqualTo(RefreshTokenSecret.hash(one.value()));
        assertThat(one.toString()).doesNotContain(one.value());
    }

    private static StoredRefreshToken spent(StoredRefreshToken token, Instant at) {
        return new StoredRefreshToken(token.id(), token.userId(), token.familyId(), token.tokenHash(),
                token.createdAt(), token.expiresAt(), at, token.revokedAt(), UUID.randomUUID());
    }

    private static StoredRefreshToken revoked(StoredRefreshToken token, Instant at) {
        return new StoredRefreshToken(token.id(), token.userId(), token.familyId(), token.tokenHash(),
                token.createdAt(), token.expiresAt(), token.usedAt(), at, token.replacedBy());
    }
}
