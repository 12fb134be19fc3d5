package io.cryptotracker.signals.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import org.junit.jupiter.api.Test;

/** The ledger's rules without a database: checkpoints, freshness, peak window, convergence, time alive. */
class OutcomeEntryTest {

    static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final BigDecimal CLOSE = new BigDecimal("0.2");

    OutcomeEntry detector(String openNet) {
        return OutcomeEntry.opened(UUID.randomUUID(), T0, new BigDecimal(openNet));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static BigDecimal net(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aCheckpointTakesTheLastObservationAtOrBeforeItsDueTime() {
        OutcomeEntry entry = detector("1.0").observe(net("0.8"), at(50), CLOSE, MAX_AGE)
                .observe(net("0.6"), at(70), CLOSE, MAX_AGE);

        assertThat(entry.checkpoints().get(0)).isEqualTo(new OutcomeEntry.Mark("MEASURED", net("0.8")));
        assertThat(entry.checkpoints().get(1).taken()).isFalse();
        assertThat(entry.lastNetPercent()).isEqualByComparingTo("0.6");
    }

    @Test
    void aCheckpointWithoutAFreshObservationIsNoData() {
        // the last observation is 40 s before the due time, older than the 30 s limit
        OutcomeEntry entry = detector("1.0").observe(net("0.8"), at(20), CLOSE, MAX_AGE).takeDue(at(61), MAX_AGE);

        assertThat(entry.checkpoints().get(0)).isEqualTo(new OutcomeEntry.Mark("NO_DATA", null));
        assertThat(entry.toWire(at(61)).checkpoints().get(0).state()).isEqualTo("NO_DATA");
    }

    @Test
    void aSignalNeverObservedEndsWithThreeNoDataCheckpointsAndIsComplete() {
        OutcomeEntry entry = OutcomeEntry.opened(UUID.randomUUID(), T0, null);

        assertThat(entry.takeDue(at(59), MAX_AGE)).isEqualTo(entry);
        OutcomeEntry taken = entry.takeDue(at(1800), MAX_AGE);

        assertThat(taken.checkpoints()).allMatch(mark -> "NO_DATA".equals(mark.state()));
        assertThat(taken.complete()).isTrue();
        assertThat(taken.peakNetPercent()).isNull();
        assertThat(taken.converged()).isFalse();
    }

    @Test
    void theOpeningNetOfADetectorSignalIsItsFirstObservation() {
        OutcomeEntry entry = detector("1.0").takeDue(at(60), MAX_AGE);

        assertThat(entry.checkpoints().get(0).state()).isEqualTo("NO_DATA");
        assertThat(detector("1.0").takeDue(at(20), MAX_AGE).checkpoints().get(0).taken()).isFalse();
        assertThat(detector("1.0").takeDue(at(60), Duration.ofMinutes(1)).checkpoints().get(0))
                .isEqualTo(new OutcomeEntry.Mark("MEASURED", net("1.0")));
        assertThat(detector("1.0").peakNetPercent()).isEqualByComparingTo("1.0");
        assertThat(detector("1.0").peakAt()).isEqualTo(T0);
    }

    @Test
    void dueCheckpointsAreTakenBeforeANewerObservationIsRecorded() {
        // observed at 58 s, then next at 400 s: 1 min takes the 58 s value, 5 min has nothing fresh
        OutcomeEntry entry = detector("1.0").observe(net("0.9"), at(58), CLOSE, MAX_AGE)
                .observe(net("0.3"), at(400), CLOSE, MAX_AGE);

        assertThat(entry.checkpoints().get(0)).isEqualTo(new OutcomeEntry.Mark("MEASURED", net("0.9")));
        assertThat(entry.checkpoints().get(1)).isEqualTo(new OutcomeEntry.Mark("NO_DATA", null));
        assertThat(entry.lastNetPercent()).isEqualByComparingTo("0.3");
    }

    @Test
    void thePeakCountsOnlyTheFirstThirtyMinutes() {
        OutcomeEntry entry = detector("1.0").observe(net("1.4"), at(120), CLOSE, MAX_AGE)
                .observe(net("1.2"), at(300), CLOSE, MAX_AGE)
                .observe(net("2.5"), at(1800), CLOSE, MAX_AGE).takeDue(at(1800), MAX_AGE);

        assertThat(entry.peakNetPercent()).isEqualByComparingTo("1.4");
        assertThat(entry.peakAt()).isEqualTo(at(120));
        assertThat(entry.complete()).isTrue();
    }

    @Test
    void convergenceIsTheFirstNetBelowTheCloseThresholdAndStays() {
        OutcomeEntry entry = detector("1.0").observe(net("0.2"), at(30), CLOSE, MAX_AGE)
                .observe(net("0.19"), at(40), CLOSE, MAX_AGE)
                .observe(net("0.05"), at(50), CLOSE, MAX_AGE)
                .observe(net("0.9"), at(55), CLOSE, MAX_AGE);

        assertThat(entry.convergedAt()).isEqualTo(at(40));
        assertThat(entry.toWire(at(60)).converged()).isTrue();
    }

    @Test
    void aDivergingSpreadRaisesThePeakAndNeverConverges() {
        OutcomeEntry entry = detector("0.6");
        for (int second = 10; second <= 1800; second += 10) {
            entry = entry.observe(net("0.6").add(BigDecimal.valueOf(second, 4)), at(second), CLOSE, MAX_AGE);
        }
        entry = entry.takeDue(at(1800), MAX_AGE);

        assertThat(entry.converged()).isFalse();
        assertThat(entry.peakNetPercent()).isEqualByComparingTo("0.7790");
        assertThat(entry.checkpoints()).extracting(OutcomeEntry.Mark::netPercent).usingElementComparator(
                BigDecimal::compareTo).containsExactly(net("0.6060"), net("0.6300"), net("0.7800"));
    }

    @Test
    void anObservationAtTheDueTimeCountsForIt() {
        OutcomeEntry entry = detector("1.0").observe(net("0.7"), at(60), CLOSE, MAX_AGE);

        assertThat(entry.checkpoints().get(0).taken()).isFalse();
        assertThat(entry.takeDue(at(60), MAX_AGE).checkpoints().get(0))
                .isEqualTo(new OutcomeEntry.Mark("MEASURED", net("0.7")));
        assertThat(entry.observe(net("0.5"), at(61), CLOSE, MAX_AGE).checkpoints().get(0))
                .isEqualTo(new OutcomeEntry.Mark("MEASURED", net("0.7")));
    }

    @Test
    void anOlderObservationThanTheLastIsIgnored() {
        OutcomeEntry entry = detector("1.0").observe(net("0.8"), at(30), CLOSE, MAX_AGE);

        assertThat(entry.observe(net("0.1"), at(20), CLOSE, MAX_AGE)).isEqualTo(entry);
    }

    @Test
    void aClosedSignalKeepsBeingMeasuredAndIsAliveUntilItsClose() {
        OutcomeEntry entry = detector("1.0").close(at(90)).observe(net("0.7"), at(299), CLOSE, MAX_AGE)
                .takeDue(at(301), MAX_AGE);

        assertThat(entry.checkpoints().get(1)).isEqualTo(new OutcomeEntry.Mark("MEASURED", net("0.7")));
        SignalData.Outcome wire = entry.toWire(at(1000));
        assertThat(wire.aliveSeconds()).isEqualTo(90);
        assertThat(entry.close(at(95)).closedAt()).isEqualTo(at(90));
    }

    @Test
    void theWireShowsEachCheckpointWithItsDueTimeAndStateAndTimeAliveWhileOpen() {
        SignalData.Outcome wire = detector("1.0").observe(net("0.8"), at(59), CLOSE, MAX_AGE)
                .takeDue(at(61), MAX_AGE).toWire(at(312));

        assertThat(wire.checkpoints()).extracting(SignalData.Checkpoint::minutes).containsExactly(1, 5, 30);
        assertThat(wire.checkpoints()).extracting(SignalData.Checkpoint::state).containsExactly("MEASURED", "PENDING",
                "PENDING");
        assertThat(wire.checkpoints().get(2).dueAt()).isEqualTo(at(1800));
        assertThat(wire.aliveSeconds()).isEqualTo(312);
        assertThat(wire.converged()).isFalse();
        assertThat(wire.confirmation()).isNull();
    }

    @Test
    void onlyATakenCheckpointOrConvergenceIsWorthAnnouncing() {
        OutcomeEntry before = detector("1.0");

        assertThat(before.observe(net("1.3"), at(10), CLOSE, MAX_AGE).movedSince(before)).isFalse();
        assertThat(before.observe(net("0.1"), at(10), CLOSE, MAX_AGE).movedSince(before)).isTrue();
        assertThat(before.takeDue(at(60), MAX_AGE).movedSince(before)).isTrue();
    }
}
