package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.telegram.PostText.Line;

/**
 * Funding rates of one coin on two exchanges, Russian or English labels: {@code 💲XYZ/USDT / Биржи: MEXC ↔️ Gate /
 * Фандинг: MEXC: -0.7500% Gate: 0.0100% / Спред: 0.76000 / Цена: MEXC: (0.12345$) Gate: (0.12350$) / Разница цен:
 * 0.04%}. Long goes where the rate is lower. The posts give no interval, so rates are taken as per 8 h.
 */
final class FundingPairFormat implements PostFormat {

    static final List<String> EXCHANGES = List.of("биржи", "биржа", "exchanges", "exchange");
    static final List<String> FUNDING = List.of("фандинг", "funding rates", "funding rate", "funding", "ставки");
    static final List<String> PRICE_DIFFERENCE = List.of("разница цен", "разница", "price difference", "price diff",
            "price spread");
    static final List<String> PRICE = List.of("цена", "цены", "prices", "price", "mark price");
    static final List<String> SPREAD = List.of("спред", "spread", "funding spread");
    private static final Pattern VENUE_NUMBER = Pattern
            .compile("([\\p{L}][\\p{L}\\d.]{1,15})\\s*:?\\s*\\(?\\s*([-+]?\\s?\\d[\\d.,]*)");

    @Override
    public String name() {
        return "funding-rate";
    }

    @Override
    public boolean recognizes(List<Line> part) {
        return Labels.has(part, FUNDING) || Labels.has(part, EXCHANGES);
    }

    @Override
    public ParsedSignal read(List<Line> part) {
        String symbol = PostParser.symbolOf(part).orElseThrow(() -> new Unreadable("no coin named"));
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        BigDecimal spread = null;
        BigDecimal priceDifference = null;
        String section = "";
        for (Line line : part) {
            Optional<String> value;
            if ((value = line.after(PRICE_DIFFERENCE)).isPresent()) {
                priceDifference = PostText.firstNumber(value.get()).orElse(priceDifference);
                section = "";
            }
            else if ((value = line.after(FUNDING)).isPresent()) {
                section = "funding";
                readVenues(value.get(), rates);
            }
            else if ((value = line.after(PRICE)).isPresent()) {
                section = "price";
                readVenues(value.get(), prices);
            }
            else if ((value = line.after(SPREAD)).isPresent()) {
                spread = PostText.firstNumber(value.get()).orElse(spread);
                section = "";
            }
            else if (!line.startsWith(EXCHANGES)) {
                boolean looksLikeRate = section.equals("funding")
                        || (section.isEmpty() && line.contains("%"));
                readVenues(line.clean(), looksLikeRate ? rates : prices);
            }
        }
        if (rates.size() < 2) {
            throw new Unreadable("needs the funding rates of two exchanges");
        }
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(rates.entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        Map.Entry<String, BigDecimal> low = sorted.get(0);
        Map.Entry<String, BigDecimal> high = sorted.get(sorted.size() - 1);
        BigDecimal lowPer8h = FundingMath.per8h(low.getValue(), 8);
        BigDecimal highPer8h = FundingMath.per8h(high.getValue(), 8);
        BigDecimal spreadPercent = spread != null ? spread.abs() : high.getValue().subtract(low.getValue());
        return new ParsedSignal(SignalData.FUNDING_RATE, symbol, spreadPercent, null,
                new SignalData.Funding(low.getKey(), high.getKey(), lowPer8h, highPer8h,
                        FundingMath.aprPercent(lowPer8h), FundingMath.aprPercent(highPer8h), null, null, null, null,
                        prices.get(low.getKey()), prices.get(high.getKey()),
                        priceDifference == null ? null : priceDifference.abs()),
                null);
    }

    /** {@code MEXC: -0.75%} (several per line allowed) into venue → number. */
    private static void readVenues(String text, Map<String, BigDecimal> into) {
        Matcher pairs = VENUE_NUMBER.matcher(text);
        while (pairs.find()) {
            String venue = pairs.group(1).toLowerCase(Locale.ROOT).replaceAll("\\.(io|com)$|\\.$", "");
            if (venue.equals("io") || FUNDING.contains(venue) || PRICE.contains(venue)) {
                continue;
            }
            PostText.firstNumber(pairs.group(2)).ifPresent(number -> into.putIfAbsent(venue, number));
        }
    }
}
