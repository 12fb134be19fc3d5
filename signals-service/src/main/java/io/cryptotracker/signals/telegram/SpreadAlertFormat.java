package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.telegram.PostText.Line;

/**
 * MEXC spot against futures: {@code Spread Alert for XYZUSDT: / Spot: 0.1234 / Futures: 0.1301 / Spread: 5.43%}.
 * The spread is computed from the two prices when the post leaves it out.
 */
final class SpreadAlertFormat implements PostFormat {

    static final List<String> SPOT = List.of("spot price", "spot", "спот", "цена спот");
    static final List<String> FUTURES = List.of("futures price", "futures", "perp", "фьючерсы", "фьючерс", "фьючи",
            "фьючерсный");
    static final List<String> SPREAD = List.of("spread", "спред");

    @Override
    public String name() {
        return "spot-futures";
    }

    @Override
    public boolean recognizes(List<Line> part) {
        boolean header = part.stream().anyMatch(line -> line.clean().startsWith("spread alert"));
        return header || (Labels.has(part, SPOT) && Labels.has(part, FUTURES));
    }

    @Override
    public ParsedSignal read(List<Line> part) {
        String symbol = PostParser.symbolOf(part).orElseThrow(() -> new Unreadable("no coin named"));
        Optional<BigDecimal> spot = Labels.number(part, SPOT);
        Optional<BigDecimal> futures = Labels.number(part, FUTURES);
        Optional<BigDecimal> stated = Labels.number(
                part.stream().filter(line -> !line.clean().startsWith("spread alert")).toList(), SPREAD);
        BigDecimal spread;
        if (stated.isPresent()) {
            spread = stated.get();
        }
        else if (spot.isPresent() && futures.isPresent() && spot.get().signum() > 0) {
            spread = futures.get().subtract(spot.get()).divide(spot.get(), MathContext.DECIMAL64)
                    .movePointRight(2);
        }
        else {
            throw new Unreadable("no spread and no spot and futures prices");
        }
        String direction;
        if (spot.isPresent() && futures.isPresent()) {
            direction = futures.get().compareTo(spot.get()) >= 0 ? "BUY_SPOT_SHORT_PERP" : "SELL_SPOT_LONG_PERP";
        }
        else {
            direction = spread.signum() >= 0 ? "BUY_SPOT_SHORT_PERP" : "SELL_SPOT_LONG_PERP";
        }
        BigDecimal spotPrice = spot.orElse(null);
        BigDecimal futuresPrice = futures.orElse(null);
        return new ParsedSignal(SignalData.MEXC_SPOT_FUTURES, symbol, spread.abs(),
                new SignalData.SpotFutures(spotPrice, spotPrice, futuresPrice, futuresPrice, direction, null, null,
                        null, null), null, null);
    }
}
