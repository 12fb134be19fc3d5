package io.cryptotracker.signals.detect;

import java.math.BigDecimal;

/**
 * What to do with a measured spread given the signal already open for its venues (if any): open at the open
 * threshold, close below the lower close threshold, update in between only when it moved enough.
 */
public final class Hysteresis {

    /** The decision for one candidate. */
    public enum Decision {
        OPEN, UPDATE, CLOSE, NONE
    }

    private final DetectionSettings.Threshold threshold;
    private final BigDecimal minChange;

    public Hysteresis(DetectionSettings.Threshold threshold, BigDecimal minChange) {
        this.threshold = threshold;
        this.minChange = minChange;
    }

    /**
     * @param openNetSpread the net spread the open signal shows now, null when none is open
     */
    public Decision decide(BigDecimal netSpread, BigDecimal openNetSpread) {
        if (openNetSpread == null) {
            return netSpread.compareTo(threshold.open()) >= 0 ? Decision.OPEN : Decision.NONE;
        }
        if (netSpread.compareTo(threshold.close()) < 0) {
            return Decision.CLOSE;
        }
        return netSpread.subtract(openNetSpread).abs().compareTo(minChange) >= 0 ? Decision.UPDATE : Decision.NONE;
    }
}
