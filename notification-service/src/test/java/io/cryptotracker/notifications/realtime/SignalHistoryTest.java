package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** What the resume history claims to hold: complete after a seq only from the lowest one it read, and not dropped. */
class SignalHistoryTest {

    private final SignalHistory history = new SignalHistory(4);

    @Test
    void whileRebuildingTheLowestSeqReadCountsEvenWhenItCameAfterHigherOnes() {
        history.add(frame(20));
        history.add(frame(21));
        history.add(frame(12));   // another partition, read later
        history.markRebuilt();

        assertThat(history.completeAfter(11)).isTrue();
        assertThat(history.completeAfter(10)).isFalse();
        history.add(frame(5));    // very late, after the rebuild: the history still does not reach back before 12
        assertThat(history.completeAfter(4)).isFalse();
    }

    @Test
    void anEmptyHistoryIsCompleteAfterNothingAndDroppedFramesMakeAGap() {
        assertThat(history.completeAfter(0)).isFalse();
        history.markRebuilt();
        for (long seq = 1; seq <= 6; seq++) {
            history.add(frame(seq));
        }
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.completeAfter(1)).isFalse();
        assertThat(history.completeAfter(2)).isTrue();
    }

    @Test
    void betweenGivesAtMostTheAskedNumberInSeqOrder() {
        for (long seq = 1; seq <= 4; seq++) {
            history.add(frame(seq));
        }
        List<SignalFrame> frames = history.between(1, 4, 2);
        assertThat(frames).extracting(frame -> frame.seq).containsExactly(2L, 3L);
        assertThat(history.between(1, 3, 10)).extracting(frame -> frame.seq).containsExactly(2L, 3L);
        assertThat(history.between(4, 4, 10)).isEmpty();
    }

    private static SignalFrame frame(long seq) {
        SignalData data = new SignalData(UUID.randomUUID(), "funding-rate", "BTC/USDT", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, "OPEN", "DETECTOR", Instant.now(), Instant.now(), null, null, null, null, null);
        return new SignalFrame(seq, "updated", UUID.randomUUID(), Instant.now(), data, Unpooled.buffer(8), null);
    }
}
