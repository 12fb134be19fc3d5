package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The seq reorder buffer on its own: frames from several partitions go on in seq order, a gap waits at most the limit. */
class SignalOrderingTest {

    private static final long WAIT = 250_000_000L;

    private final SignalOrdering ordering = new SignalOrdering(WAIT);
    private final Set<Long> seen = new HashSet<>();

    @Test
    void framesArrivingOutOfOrderGoOnInSeqOrderOnceTheGapIsFilled() {
        List<SignalFrame> late = new ArrayList<>();
        List<SignalFrame> out = new ArrayList<>();
        offer(frame(10), 0, late);
        ordering.release(WAIT, out);
        assertThat(seqs(out)).containsExactly(10L);

        offer(frame(13), WAIT, late);
        offer(frame(12), WAIT, late);
        ordering.release(WAIT + 1, out);
        assertThat(seqs(out)).containsExactly(10L);

        offer(frame(11), WAIT + 2, late);
        ordering.release(WAIT + 3, out);
        assertThat(seqs(out)).containsExactly(10L, 11L, 12L, 13L);
        assertThat(late).isEmpty();
    }

    @Test
    void aGapHoldsLaterFramesAtMostTheWaitThenTheyGoOnWithoutIt() {
        List<SignalFrame> late = new ArrayList<>();
        List<SignalFrame> out = new ArrayList<>();
        offer(frame(1), 0, late);
        ordering.release(WAIT, out);
        offer(frame(3), WAIT, late);
        offer(frame(4), WAIT, late);
        ordering.release(2 * WAIT - 1, out);
        assertThat(seqs(out)).containsExactly(1L);

        ordering.release(2 * WAIT, out);
        assertThat(seqs(out)).containsExactly(1L, 3L, 4L);

        offer(frame(2), 2 * WAIT + 1, late);
        assertThat(seqs(late)).containsExactly(2L);
    }

    @Test
    void duplicatesAreDroppedWhetherWaitingOrAlreadyDelivered() {
        List<SignalFrame> late = new ArrayList<>();
        List<SignalFrame> out = new ArrayList<>();
        assertThat(offer(frame(5), 0, late)).isTrue();
        assertThat(offer(frame(5), 1, late)).isFalse();
        ordering.release(WAIT, out);
        seen.add(5L);
        assertThat(offer(frame(5), WAIT + 1, late)).isFalse();
        assertThat(late).isEmpty();
        assertThat(seqs(out)).containsExactly(5L);
    }

    @Test
    void releaseAllLetsEveryWaitingFrameGoInSeqOrderWithoutWaitingForTheGaps() {
        List<SignalFrame> late = new ArrayList<>();
        List<SignalFrame> out = new ArrayList<>();
        offer(frame(7), 0, late);
        offer(frame(3), 0, late);
        offer(frame(5), 0, late);
        ordering.releaseAll(out);
        assertThat(seqs(out)).containsExactly(3L, 5L, 7L);
        assertThat(ordering.waiting()).isZero();

        offer(frame(4), 1, late);
        assertThat(seqs(late)).containsExactly(4L);
    }

    private boolean offer(SignalFrame frame, long now, List<SignalFrame> late) {
        return ordering.offer(frame, now, late, seen::contains);
    }

    private static SignalFrame frame(long seq) {
        SignalData data = new SignalData(UUID.randomUUID(), "funding-rate", "BTC/USDT", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, "OPEN", "DETECTOR", Instant.now(), Instant.now(), null, null, null, null, null);
        return new SignalFrame(seq, "updated", UUID.randomUUID(), Instant.now(), data, Unpooled.EMPTY_BUFFER, null);
    }

    private static List<Long> seqs(List<SignalFrame> frames) {
        return frames.stream().map(frame -> frame.seq).toList();
    }
}
