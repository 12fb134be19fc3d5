package io.cryptotracker.signals.telegram;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.signals.telegram.PostText.Line;

/**
 * MEXC against a DEX pool: {@code Token: XYZ / Long-Spread: 8.12% / MEXC: <futures url> / DEX: <dexscreener url> /
 * MEXC: 0.01234 / DEX: 0.01334 / Deposit: ✅ Withdraw: ✅}. The chain and pair address come from the DexScreener
 * link; the direction from the prices, else from Long/Short.
 */
final class DexSpreadFormat implements PostFormat {

    static final List<String> MEXC = List.of("mexc");
    static final List<String> DEX = List.of("dex", "dexscreener");
    static final List<String> LONG_SPREAD = List.of("long-spread", "long spread", "лонг-спред", "лонг спред");
    static final List<String> SHORT_SPREAD = List.of("short-spread", "short spread", "шорт-спред", "шорт спред");
    static final List<String> SPREAD = List.of("spread", "спред");
    private static final Pattern DEXSCREENER = Pattern.compile("dexscreener\\.com/([A-Za-z0-9\\-]+)/([A-Za-z0-9]+)");
    private static final Pattern MEXC_PAIR = Pattern.compile("mexc\\.com/(?:[a-z\\-]+/)*exchange/([A-Za-z0-9]+_[A-Za-z0-9]+)");
    private static final Pattern DEPOSIT = Pattern.compile("(?iu)(deposit|депозит|ввод)\\s*:?\\s*(\\S+)");
    private static final Pattern WITHDRAW = Pattern.compile("(?iu)(withdraw(?:al)?|вывод)\\s*:?\\s*(\\S+)");

    @Override
    public String name() {
        return "mexc-dex";
    }

    @Override
    public boolean recognizes(List<Line> part) {
        return part.stream().anyMatch(line -> line.contains("dexscreener.com")) || Labels.has(part, DEX);
    }

    @Override
    public ParsedSignal read(List<Line> part) {
        String chain = null;
        String pair = null;
        String symbolFromLink = null;
        BigDecimal mexcPrice = null;
        BigDecimal dexPrice = null;
        Boolean deposit = null;
        Boolean withdraw = null;
        for (Line line : part) {
            Matcher dexLink = DEXSCREENER.matcher(line.raw());
            if (dexLink.find()) {
                chain = dexLink.group(1).toLowerCase(Locale.ROOT);
                pair = dexLink.group(2);
                continue;
            }
            Matcher mexcLink = MEXC_PAIR.matcher(line.raw());
            if (mexcLink.find()) {
                symbolFromLink = Symbols.normalize(mexcLink.group(1)).orElse(null);
                continue;
            }
            if (line.contains("://")) {
                continue;
            }
            Optional<String> mexc = line.after(MEXC);
            if (mexc.isPresent() && mexcPrice == null) {
                mexcPrice = PostText.firstNumber(mexc.get()).orElse(null);
            }
            Optional<String> dex = line.after(DEX);
            if (dex.isPresent() && dexPrice == null) {
                dexPrice = PostText.firstNumber(dex.get()).orElse(null);
            }
            Matcher depositMark = DEPOSIT.matcher(line.raw());
            if (depositMark.find()) {
                deposit = yesNo(depositMark.group(2));
            }
            Matcher withdrawMark = WITHDRAW.matcher(line.raw());
            if (withdrawMark.find()) {
                withdraw = yesNo(withdrawMark.group(2));
            }
        }
        String symbol = PostParser.symbolOf(part).orElse(symbolFromLink);
        if (symbol == null) {
            throw new Unreadable("no coin named");
        }
        boolean isShort = Labels.has(part, SHORT_SPREAD);
        Optional<BigDecimal> stated = Labels.number(part, LONG_SPREAD).or(() -> Labels.number(part, SHORT_SPREAD))
                .or(() -> Labels.number(part, SPREAD));
        BigDecimal spread;
        if (stated.isPresent()) {
            spread = stated.get().abs();
        }
        else if (mexcPrice != null && dexPrice != null && mexcPrice.signum() > 0) {
            spread = dexPrice.subtract(mexcPrice).divide(mexcPrice, MathContext.DECIMAL64).movePointRight(2).abs();
        }
        else {
            throw new Unreadable("no spread and no MEXC and DEX prices");
        }
        String direction;
        if (mexcPrice != null && dexPrice != null) {
            direction = dexPrice.compareTo(mexcPrice) >= 0 ? "BUY_MEXC_SELL_DEX" : "BUY_DEX_SELL_MEXC";
        }
        else {
            direction = isShort ? "BUY_DEX_SELL_MEXC" : "BUY_MEXC_SELL_DEX";
        }
        return new ParsedSignal(SignalData.MEXC_DEX, symbol, spread, null, null, new SignalData.Dex(chain, null, pair,
                null, mexcPrice, mexcPrice, dexPrice, null, null, direction, deposit, withdraw));
    }

    private static Boolean yesNo(String mark) {
        String value = mark.toLowerCase(Locale.ROOT);
        if (value.startsWith("✅") || value.startsWith("✔") || value.startsWith("☑") || value.startsWith("🟢")
                || value.startsWith("yes") || value.startsWith("on") || value.startsWith("open") || value.startsWith("да")
                || value.startsWith("+")) {
            return true;
        }
        if (value.startsWith("❌") || value.startsWith("✖") || value.startsWith("🚫") || value.startsWith("⛔")
                || value.startsWith("🔴") || value.startsWith("no") || value.startsWith("off")
                || value.startsWith("closed") || value.startsWith("нет") || value.startsWith("-")) {
            return false;
        }
        return null;
    }
}
