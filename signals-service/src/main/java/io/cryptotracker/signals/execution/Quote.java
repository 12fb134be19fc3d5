package io.cryptotracker.signals.execution;

/** A priced round trip, or the reason it could not be priced – exactly one of the two is set. */
public record Quote(RoundTrip roundTrip, Refusal refusal) {

    public static Quote priced(RoundTrip roundTrip) {
        return new Quote(roundTrip, null);
    }

    public static Quote refused(Refusal refusal) {
        return new Quote(null, refusal);
    }

    public boolean isPriced() {
        return roundTrip != null;
    }
}
