package io.cryptotracker.market.venue;

import java.util.regex.Pattern;

import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.symbols.TradingPair;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceException;

/** A venue's instrument name as it goes into a depth request: checked, then parsed for its multiplier. */
public final class Instruments {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{2,40}");

    private Instruments() {
    }

    public static TradingPair pair(SourceClient http, String instrument) {
        if (instrument == null || !NAME.matcher(instrument).matches()) {
            throw new SourceException(http.source(), SourceException.Kind.FAILED, "no instrument to ask for");
        }
        return Symbols.parseInstrument(instrument).orElseThrow(() -> new SourceException(http.source(),
                SourceException.Kind.FAILED, "not an instrument: " + instrument));
    }
}
