package io.cryptotracker.users.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.security.Tier;
import io.cryptotracker.common.web.ConflictException;
import io.cryptotracker.users.subscription.Subscription.Plan;
import io.cryptotracker.users.subscription.Subscription.Status;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    static final Instant REGISTERED = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));

    final Subscription free = Subscription.free(UUID.randomUUID(), REGISTERED);

    @Test
    void aNewUserIsFreeAndActiveWithoutAnEnd() {
        assertThat(free.plan()).isEqualTo(Plan.FREE);
        assertThat(free.status()).isEqualTo(Status.ACTIVE);
        assertThat(free.expiresAt()).isNull();
        assertThat(free.autoRenew()).isFalse();
        assertThat(free.tier(NOW)).isEqualTo(Tier.FREE);
    }

    @Test
    void grantingVipStartsAnActiveAutoRenewingPeriodNow() {
        Subscription vip = free.grantVip(IN_A_MONTH, NOW);

        assertThat(vip).isEqualTo(new Subscription(free.userId(), Plan.VIP, Status.ACTIVE, NOW, IN_A_MONTH, true));
        assertThat(vip.tier(NOW)).isEqualTo(Tier.VIP);
        assertThat(vip.tier(IN_A_MONTH)).as("over at expires_at even before the job runs").isEqualTo(Tier.FREE);
    }

    @Test
    void extendingARunningVipKeepsItsStartStatusAndAutoRenew() {
        Subscription cancelled = free.grantVip(IN_A_MONTH, NOW).cancel(NOW.plusSeconds(60));
        Instant later = IN_A_MONTH.plus(Duration.ofDays(30));

        Subscription extended = cancelled.grantVip(later, NOW.plusSeconds(120));

        assertThat(extended.startedAt()).isEqualTo(NOW);
        assertThat(extended.status()).isEqualTo(Status.CANCELLED);
        assertThat(extended.autoRenew()).isFalse();
        assertThat(extended.expiresAt()).isEqualTo(later);
        assertThat(extended.grantVip(later, NOW.plusSeconds(180))).isSameAs(extended);
    }

    @Test
    void grantingAfterExpiryStartsANewPeriod() {
        Subscription expired = free.grantVip(IN_A_MONTH, NOW).expire(IN_A_MONTH);
        Instant next = IN_A_MONTH.plus(Duration.ofDays(10));

        Subscription again = expired.grantVip(next, IN_A_MONTH.plusSeconds(5));

        assertThat(again.status()).isEqualTo(Status.ACTIVE);
        assertThat(again.startedAt()).isEqualTo(IN_A_MONTH.plusSeconds(5));
        assertThat(again.autoRenew()).isTrue();
    }

    @Test
    void aVipPlanExpiresIntoFreeKeepingTheDatesOfTheEndedPeriod() {
        Subscription vip = free.grantVip(IN_A_MONTH, NOW);

        assertThat(vip.expire(IN_A_MONTH.minusMillis(1))).isSameAs(vip);
        Subscription expired = vip.expire(IN_A_MONTH);

        assertThat(expired).isEqualTo(new Subscription(free.userId(), Plan.FREE, Status.EXPIRED, NOW, IN_A_MONTH,
                false));
        assertThat(expired.tier(IN_A_MONTH)).isEqualTo(Tier.FREE);
        assertThat(expired.expire(IN_A_MONTH.plusSeconds(1))).isSameAs(expired);
        assertThat(free.expire(NOW)).isSameAs(free);
    }

    @Test
    void cancellingStopsRenewalButKeepsVipUntilTheEnd() {
        Subscription cancelled = free.grantVip(IN_A_MONTH, NOW).cancel(NOW.plusSeconds(1));

        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.autoRenew()).isFalse();
        assertThat(cancelled.tier(NOW.plusSeconds(2))).isEqualTo(Tier.VIP);
        assertThat(cancelled.cancel(NOW.plusSeconds(3))).isSameAs(cancelled);
        assertThat(cancelled.expire(IN_A_MONTH).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void autoRenewTurnsOffAndOnAndOnUndoesACancellation() {
        Subscription vip = free.grantVip(IN_A_MONTH, NOW);

        Subscription off = vip.autoRenew(false, NOW);
        assertThat(off.status()).isEqualTo(Status.ACTIVE);
        assertThat(off.autoRenew()).isFalse();
        assertThat(off.autoRenew(false, NOW)).isSameAs(off);
        assertThat(vip.autoRenew(true, NOW)).isSameAs(vip);
        Subscription resumed = vip.cancel(NOW).autoRenew(true, NOW);
        assertThat(resumed).isEqualTo(vip);
    }

    @Test
    void aFreeOrExpiredPlanHasNothingToCancelOrRenew() {
        Subscription expired = free.grantVip(IN_A_MONTH, NOW).expire(IN_A_MONTH);

        assertThatThrownBy(() -> free.cancel(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> free.autoRenew(true, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> expired.cancel(IN_A_MONTH)).isInstanceOf(ConflictException.class);
        Subscription vip = free.grantVip(IN_A_MONTH, NOW);
        assertThatThrownBy(() -> vip.cancel(IN_A_MONTH)).as("past expires_at, before the job")
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anAdminEndingVipMakesTheUserFreeFromNowAndFreeStaysFree() {
        Subscription ended = free.grantVip(IN_A_MONTH, NOW).endVip(NOW.plusSeconds(60));

        assertThat(ended).isEqualTo(Subscription.free(free.userId(), NOW.plusSeconds(60)));
        assertThat(free.endVip(NOW)).isSameAs(free);
    }

    @Test
    void theEventCarriesThePlanAndTheTierItGives() {
        var event = free.grantVip(IN_A_MONTH, NOW).changedEvent(NOW);

        assertThat(event.plan()).isEqualTo("VIP");
        assertThat(event.status()).isEqualTo("ACTIVE");
        assertThat(event.tier()).isEqualTo("VIP");
        assertThat(event.expiresAt()).isEqualTo(IN_A_MONTH);
        assertThat(event.autoRenew()).isTrue();
        assertThat(event.userId()).isEqualTo(free.userId());
    }
}
