package io.cryptotracker.signals.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The parser over generated posts: variations of the known formats read the same, garbage never throws. */
class PostParserPropertyTest {

    final PostParser parser = new PostParser();

    @Property(tries = 500)
    void arbitraryTextNeverThrowsAndAlwaysGivesSignalsOrAReason(@ForAll String text) {
        ParseResult result = parser.parse(text);

        assertThat(result.parsed() || result.reason() != null).isTrue();
        assertThat(String.valueOf(result.reason())).as("no format failed inside").doesNotStartWith("parser error");
    }

    @Property(tries = 300)
    void linesOfKnownFormatsShuffledAndMangledNeverThrow(@ForAll("mangledPosts") String text) {
        ParseResult result = parser.parse(text);

        assertThat(result.parsed() || result.reason() != null).isTrue();
        assertThat(String.valueOf(result.reason())).as("no format failed inside").doesNotStartWith("parser error");
    }

    @Property(tries = 300)
    void spreadAlertVariationsReadTheSameSpreadAndCoin(@ForAll("coins") String coin,
            @ForAll("spellings") int spelling, @ForAll("decoration") String emoji, @ForAll boolean comma,
            @ForAll boolean percent, @ForAll boolean upper, @ForAll @IntRange(min = 0, max = 3) int spaces,
            @ForAll("spreads") BigDecimal spread) {
        String pad = " ".repeat(spaces);
        String number = spread.toPlainString();
        String written = comma ? number.replace('.', ',') : number;
        String label = upper ? "SPREAD" : "Spread";
        String post = emoji + "Spread Alert for " + spell(coin, spelling) + ":\n" + pad + "Spot:" + pad + "1.000\n"
                + "Futures: 1.050\n" + emoji + pad + label + ":" + pad + written + (percent ? "%" : "") + "\n";

        ParseResult result = parser.parse(post);

        assertThat(result.signals()).as(post).hasSize(1);
        assertThat(result.signals().get(0).symbol()).isEqualTo(coin + "/USDT");
        assertThat(result.signals().get(0).spreadPercent()).isEqualByComparingTo(spread);
    }

    @Property(tries = 200)
    void fundingRatesWithAnyMinusAndCommaReadTheSameRates(@ForAll("coins") String coin,
            @ForAll("spellings") int spelling, @ForAll("minus") String minus, @ForAll boolean comma,
            @ForAll boolean russian) {
        String low = comma ? "0,7500" : "0.7500";
        String high = comma ? "0,0100" : "0.0100";
        String post = "💲" + spell(coin, spelling) + "\n" + (russian ? "📊 Биржи: MEXC ↔️ Gate\n📈 Фандинг:\n"
                : "Exchanges: MEXC / Gate\nFunding:\n") + "  MEXC: " + minus + low + "%\n  Gate: " + high + "%\n";

        ParseResult result = parser.parse(post);

        assertThat(result.signals()).as(post).hasSize(1);
        ParsedSignal signal = result.signals().get(0);
        assertThat(signal.symbol()).isEqualTo(coin + "/USDT");
        assertThat(signal.funding().longExchange()).isEqualTo("mexc");
        assertThat(signal.funding().longRatePer8h()).isEqualByComparingTo("-0.0075");
        assertThat(signal.spreadPercent()).isEqualByComparingTo("0.76");
    }

    @Provide
    Arbitrary<String> coins() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(8)
                .filter(coin -> !PostParser.NOT_SYMBOLS.contains(coin.toLowerCase()))
                .filter(coin -> !coin.endsWith("USD") && !coin.endsWith("USDT") && !coin.endsWith("USDC")
                        && !coin.endsWith("USDE") && !coin.endsWith("BUSD") && !coin.endsWith("FDUSD"))
                // written alone, a base of three or more letters before EUR, TRY, BTC, ETH or BNB reads as a pair in
                // that quote (common-lib Symbols: "AAABNB" is AAA/BNB), so such a coin is not the USDT coin it names
                .filter(coin -> !readsAsOtherQuote(coin));
    }

    private static boolean readsAsOtherQuote(String coin) {
        return List.of("EUR", "TRY", "BTC", "ETH", "BNB").stream()
                .anyMatch(quote -> coin.length() >= quote.length() + 3 && coin.endsWith(quote));
    }

    @Provide
    Arbitrary<Integer> spellings() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<String> decoration() {
        return Arbitraries.of("", "🔔 ", "💥", "⚡️ ", "• ", "**");
    }

    @Provide
    Arbitrary<String> minus() {
        return Arbitraries.of("-", "−", "- ");
    }

    @Provide
    Arbitrary<BigDecimal> spreads() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("99.99")).ofScale(2)
                .map(value -> value.setScale(2, RoundingMode.HALF_UP));
    }

    @Provide
    Arbitrary<String> mangledPosts() {
        Arbitrary<String> format = Arbitraries.of(PostParserTest.SPREAD_ALERT, PostParserTest.DEX_SPREAD,
                PostParserTest.FUNDING_PAIR, PostParserTest.EXTREME_RATE);
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(12);
        return Combinators.combine(format, seed, noise).as((post, random, junk) -> {
            List<String> lines = new ArrayList<>(List.of(post.split("\n")));
            java.util.Collections.shuffle(lines, new java.util.Random(random));
            int at = (int) Math.floorMod(random, lines.size());
            lines.set(at, lines.get(at) + junk);
            return String.join("\n", lines);
        });
    }

    static String spell(String coin, int spelling) {
        return switch (spelling) {
            case 0 -> coin;
            case 1 -> "$" + coin;
            case 2 -> coin + "USDT";
            case 3 -> coin + "_USDT";
            case 4 -> coin + "/USDT";
            case 5 -> coin.toLowerCase() + "usdt";
            default -> "$" + coin.toLowerCase();
        };
    }
}
