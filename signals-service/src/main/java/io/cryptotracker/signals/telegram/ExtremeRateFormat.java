package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.telegram.PostText.Line;

/**
 * One extreme funding rate: {@code ⚠️ EXTREME RATE / 🔴 DOGEUSDT / • Bias: Negative (Shorts Pay Longs) / • Rate:
 * -0.0800% → -0.1500% / • Interval: 8h}. The last rate counts; a negative rate pays longs, so the signal's side is
 * long, a positive one short. The spread is the rate per 8 h in percent.
 */
final class ExtremeRateFormat implements PostFormat {

    static final List<String> RATE = List.of("funding rate", "rate", "ставка", "фандинг", "funding");
    static final List<String> INTERVAL = List.of("interval", "интервал", "period", "период");
    static final List<String> EXCHANGE = List.of("exchange", "биржа", "venue");
    static final List<String> BIAS = List.of("bias", "перекос");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})\\s*(h|ч|hours?|час)");

    @Override
    public String name() {
        return "extreme-rate";
    }

    @Override
    public boolean recognizes(List<Line> part) {
        return part.stream().anyMatch(line -> line.contains("extreme") || line.contains("экстрем"))
                || Labels.has(part, BIAS)
                || part.stream().anyMatch(line -> line.startsWith(RATE) && line.contains("→"));
    }

    @Override
    public ParsedSignal read(List<Line> part) {
        String symbol = PostParser.symbolOf(part).orElseThrow(() -> new Unreadable("no coin named"));
        BigDecimal ratePercent = part.stream().map(line -> line.after(RATE)).flatMap(Optional::stream)
                .map(PostText::lastNumber).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new Unreadable("no rate"));
        int interval = Labels.value(part, INTERVAL).map(ExtremeRateFormat::hours).orElse(8);
        String exchange = Labels.value(part, EXCHANGE).map(value -> value.split("\\s+")[0].toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty()).orElse(null);
        BigDecimal per8h = FundingMath.per8h(ratePercent, interval);
        BigDecimal spread = per8h.abs().movePointRight(2);
        BigDecimal apr = FundingMath.aprPercent(per8h);
        SignalData.Funding funding = per8h.signum() < 0
                ? new SignalData.Funding(exchange, null, per8h, null, apr, null, interval, null, null, null, null,
                        null, null)
                : new SignalData.Funding(null, exchange, null, per8h, null, apr, null, interval, null, null, null,
                        null, null);
        return new ParsedSignal(SignalData.FUNDING_RATE, symbol, spread, null, funding, null);
    }

    private static int hours(String text) {
        Matcher matcher = HOURS.matcher(text);
        if (matcher.find()) {
            int hours = Integer.parseInt(matcher.group(1));
            if (hours >= 1 && hours <= 24) {
                return hours;
            }
        }
        return PostText.firstNumber(text).filter(n -> n.signum() > 0 && n.compareTo(BigDecimal.valueOf(24)) <= 0)
                .map(BigDecimal::intValue).filter(n -> n > 0).orElse(8);
    }
}
