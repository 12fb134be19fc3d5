package io.cryptotracker.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A signal exactly as signals-service's REST API shows it (SPEC "Signals"), carried whole in the signal lifecycle
 * events so consumers never call back. Exactly one of {@code spotFutures}, {@code funding}, {@code dex} is set,
 * the one of its {@code kind}; the other two are left out of the JSON.
 *
 * @param kind {@code mexc-spot-futures}, {@code funding-rate} or {@code mexc-dex}
 * @param symbol the unified symbol, e.g. {@code BTC/USDT}
 * @param spreadPercent the gross spread in percent
 * @param netSpreadPercent the spread after the venues' taker fees, in percent
 * @param status {@code OPEN} or {@code CLOSED}
 * @param source {@code DETECTOR}, {@code TELEGRAM} or {@code MANUAL}
 * @param execution what executing the signal earns and costs at the configured sizes; detector signals only, left
 *        out of the JSON for Telegram and manual signals and in events of producers that predate it
 * @param outcome what became of the signal after it opened (the outcome ledger: checkpoints at +1, +5 and +30 min,
 *        peak, convergence, time alive, the Telegram check); left out of the JSON where not attached (lists of
 *        producers that predate it, the created event)
 */
public record SignalData(UUID id, String kind, String symbol, BigDecimal spreadPercent, BigDecimal netSpreadPercent,
        BigDecimal peakSpreadPercent, String status, String source, Instant detectedAt, Instant updatedAt,
        Instant closedAt, @JsonInclude(JsonInclude.Include.NON_NULL) SpotFutures spotFutures,
        @JsonInclude(JsonInclude.Include.NON_NULL) Funding funding,
        @JsonInclude(JsonInclude.Include.NON_NULL) Dex dex,
        @JsonInclude(JsonInclude.Include.NON_NULL) Execution execution,
        @JsonInclude(JsonInclude.Include.NON_NULL) Outcome outcome) {

    public static final String MEXC_SPOT_FUTURES = "mexc-spot-futures";
    public static final String FUNDING_RATE = "funding-rate";
    public static final String MEXC_DEX = "mexc-dex";

    /** A signal without its outcome: what every producer but the outcome ledger builds. */
    public SignalData(UUID id, String kind, String symbol, BigDecimal spreadPercent, BigDecimal netSpreadPercent,
            BigDecimal peakSpreadPercent, String status, String source, Instant detectedAt, Instant updatedAt,
            Instant closedAt, SpotFutures spotFutures, Funding funding, Dex dex, Execution execution) {
        this(id, kind, symbol, spreadPercent, netSpreadPercent, peakSpreadPercent, status, source, detectedAt,
                updatedAt, closedAt, spotFutures, funding, dex, execution, null);
    }

    /**
     * MEXC spot against MEXC perpetual futures.
     *
     * @param direction {@code BUY_SPOT_SHORT_PERP} or {@code SELL_SPOT_LONG_PERP}
     * @param fundingRate the perpetual's rate per its interval, a fraction
     */
    public record SpotFutures(BigDecimal spotBid, BigDecimal spotAsk, BigDecimal futuresBid, BigDecimal futuresAsk,
            String direction, BigDecimal fundingRate, Instant nextFundingTime,
            @JsonProperty("spot_volume_24h") BigDecimal spotVolume24h,
            @JsonProperty("futures_volume_24h") BigDecimal futuresVolume24h) {
    }

    /**
     * Funding rates of two perpetuals (hedge long where it is low, short where it is high), or one extreme rate
     * (then the short side is empty). Rates are fractions normalized to 8 hours; APRs in percent.
     *
     * @param priceSpreadPercent the mark-price difference of the two perpetuals in percent: the entry cost
     */
    public record Funding(String longExchange, String shortExchange,
            @JsonProperty("long_rate_per_8h") BigDecimal longRatePer8h,
            @JsonProperty("short_rate_per_8h") BigDecimal shortRatePer8h, BigDecimal longAprPercent,
            BigDecimal shortAprPercent, Integer longIntervalHours, Integer shortIntervalHours,
            Instant longNextFundingTime, Instant shortNextFundingTime, BigDecimal longMarkPrice,
            BigDecimal shortMarkPrice, BigDecimal priceSpreadPercent) {
    }

    /**
     * MEXC spot against an on-chain pool of the same token (matched by contract address).
     *
     * @param direction {@code BUY_DEX_SELL_MEXC} or {@code BUY_MEXC_SELL_DEX}
     * @param depositEnabled whether MEXC accepts deposits of the token on this chain; null when unknown
     * @param withdrawEnabled whether MEXC pays out withdrawals on this chain; null when unknown
     */
    public record Dex(String chain, String dex, String pairAddress, String tokenAddress, BigDecimal mexcBid,
            BigDecimal mexcAsk, BigDecimal dexPrice, BigDecimal liquidityUsd,
            @JsonProperty("volume_24h_usd") BigDecimal volume24hUsd, String direction, Boolean depositEnabled,
            Boolean withdrawEnabled) {
    }

    /** The same signal with this execution block. */
    public SignalData withExecution(Execution execution) {
        return new SignalData(id, kind, symbol, spreadPercent, netSpreadPercent, peakSpreadPercent, status, source,
                detectedAt, updatedAt, closedAt, spotFutures, funding, dex, execution, outcome);
    }

    /** The same signal with this outcome (null: none attached). */
    public SignalData withOutcome(Outcome outcome) {
        return new SignalData(id, kind, symbol, spreadPercent, netSpreadPercent, peakSpreadPercent, status, source,
                detectedAt, updatedAt, closedAt, spotFutures, funding, dex, execution, outcome);
    }

    /** Whether the signal may notify (email, stored notification, sound): true unless its execution says not. */
    public boolean alertable() {
        return execution == null || execution.alertable();
    }

    /**
     * What a trader can actually do with the signal (SPEC "Signals", executable economics): both legs priced from the
     * order books at each configured size, every cost of the round trip, the age of each leg's quote and, for
     * MEXC↔DEX, the transfer route. Percentages are of the position size (the notional of each leg).
     *
     * @param basis {@code BOOK} when the legs were walked through order books, {@code TOP_OF_BOOK} when no book was
     *        read for the symbol this round (the best prices only: depth unknown, every size priced alike)
     * @param pricedAt when the legs were priced
     * @param legs the two legs, the one bought first
     * @param sizes one per configured size, smallest first; detectors act on the first
     * @param maxSizeUsdt the largest size per leg whose net spread still reaches the open threshold, to the whole
     *        USDT; null when even the smallest does not, or the depth is unknown
     * @param transfer MEXC↔DEX only: the network the coins move over, null otherwise
     * @param alertable false when the signal is listed but must not notify: a needed transfer direction closed or
     *        unknown, or a stale leg
     * @param flags why it is not alertable or less certain: {@code TOP_OF_BOOK}, {@code TOO_THIN}, {@code STALE_LEG},
     *        {@code TRANSFER_CLOSED}, {@code TRANSFER_UNKNOWN}
     */
    public record Execution(String basis, Instant pricedAt, List<Leg> legs, List<SizeQuote> sizes,
            BigDecimal maxSizeUsdt, @JsonInclude(JsonInclude.Include.NON_NULL) Transfer transfer, boolean alertable,
            List<String> flags) {

        public static final String BOOK = "BOOK";
        public static final String TOP_OF_BOOK = "TOP_OF_BOOK";

        public Execution {
            legs = legs == null ? List.of() : List.copyOf(legs);
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /**
     * One leg of the position.
     *
     * @param side {@code BUY} (bought at entry: the asks) or {@code SELL} (sold at entry: the bids)
     * @param venue {@code mexc}, {@code binance}, {@code bybit}, or the DEX's name
     * @param market {@code spot}, {@code perp} or {@code dex}
     * @param price the best price of the side the entry takes
     * @param quotedAt when the venue quoted it
     * @param ageMs how old the quote was when the leg was priced, in milliseconds
     * @param stale whether the quote was older than the stale limit
     */
    public record Leg(String side, String venue, String market, BigDecimal price, Instant quotedAt, long ageMs,
            boolean stale) {
    }

    /**
     * The round trip at one size: gross → fees → transfer → depth → funding → net. {@code netPercent =
     * topOfBookPercent − feesPercent − transferPercent − depthPercent + fundingPercent} (the entry's depth is
     * inside the gross of the average fills, so equally {@code grossPercent − feesPercent − transferPercent −
     * exitDepthPercent + fundingPercent}). Funding-rate signals earn over time instead: their net is per 8 hours
     * (SPEC departure, signals-service README).
     *
     * @param sizeUsdt the notional of each leg
     * @param refusal why the size could not be priced ({@code NO_LIQUIDITY}, {@code CROSSED_BOOK},
     *        {@code PRICE_MISMATCH}, {@code TOO_THIN}); null when priced, and then every figure is set
     * @param buyPrice the average fill price of the leg bought at entry
     * @param sellPrice the average fill price of the leg sold at entry
     * @param topOfBookPercent the entry spread between the best prices
     * @param grossPercent the entry spread between the average fills
     * @param feesPercent taker fees of both legs, entry and exit
     * @param transferPercent MEXC↔DEX: withdrawal fee, gas and the pool's swap fee; zero otherwise
     * @param depthPercent what walking the books (DEX: the pool's price impact) costs, entry and exit
     * @param exitDepthPercent the exit's part of {@code depthPercent}
     * @param fundingPercent spot–futures: the funding the position earns (positive) or pays (negative) at the next
     *        settlement; zero otherwise
     * @param netPercent what is left
     * @param netUsdt {@code netPercent} of the size, in USDT
     * @param costUsdt fees, transfer and depth of the round trip, in USDT
     * @param fundingIncome funding-rate signals: what the position earns from funding at this size
     */
    public record SizeQuote(BigDecimal sizeUsdt, String refusal, BigDecimal buyPrice, BigDecimal sellPrice,
            BigDecimal topOfBookPercent, BigDecimal grossPercent, BigDecimal feesPercent, BigDecimal transferPercent,
            BigDecimal depthPercent, BigDecimal exitDepthPercent, BigDecimal fundingPercent, BigDecimal netPercent,
            BigDecimal netUsdt, BigDecimal costUsdt,
            @JsonInclude(JsonInclude.Include.NON_NULL) FundingIncome fundingIncome) {
    }

    /**
     * Funding income of a funding-rate position at one size (long the low rate, short the high rate).
     *
     * @param per8hUsdt both legs' funding over 8 hours
     * @param perHourUsdt both legs' funding per hour
     * @param perDayUsdt per day: the daily PnL before costs
     * @param breakEvenHours hours of funding that pay back {@code costUsdt}; null when the position earns nothing
     */
    public record FundingIncome(@JsonProperty("per_8h_usdt") BigDecimal per8hUsdt, BigDecimal perHourUsdt,
            BigDecimal perDayUsdt, BigDecimal breakEvenHours) {
    }

    /**
     * The transfer route of a MEXC↔DEX signal: the coins bought on one side must move to the other over this network.
     *
     * @param needed {@code WITHDRAW} (bought on MEXC, withdrawn to the chain) or {@code DEPOSIT} (bought on the DEX,
     *        deposited to MEXC)
     * @param deposit MEXC deposits on the network: {@code OPEN}, {@code CLOSED} or {@code UNKNOWN}
     * @param withdraw MEXC withdrawals on the network: {@code OPEN}, {@code CLOSED} or {@code UNKNOWN}
     * @param checkedAt when MEXC's status was read; null when never
     * @param ageSeconds how old that knowledge was when the signal was priced; null when never read
     * @param withdrawFee MEXC's withdrawal fee on the network, in the coin; null when unknown
     * @param withdrawFeeUsdt what the route pays for the withdrawal, in USDT at MEXC's best ask: zero on a
     *        {@code DEPOSIT} route, null when the fee is unknown (then not charged)
     * @param gasUsdt the estimated gas the route pays on the chain, in USDT: the swap, plus the send to MEXC's deposit
     *        address on a {@code DEPOSIT} route; {@code transferPercent = swapFeePercent + (withdrawFeeUsdt + gasUsdt)
     *        × 100 / sizeUsdt}
     * @param swapFeePercent the pool's swap fee in percent
     */
    public record Transfer(String network, String chain, String needed, String deposit, String withdraw,
            Instant checkedAt, Long ageSeconds, BigDecimal withdrawFee, BigDecimal withdrawFeeUsdt, BigDecimal gasUsdt,
            BigDecimal swapFeePercent) {

        public static final String OPEN = "OPEN";
        public static final String CLOSED = "CLOSED";
        public static final String UNKNOWN = "UNKNOWN";
    }

    /**
     * What became of the signal after it opened, measured on our own market data (signals-service's outcome ledger).
     *
     * @param checkpoints at +1, +5 and +30 min after {@code detected_at}, in that order
     * @param peakNetSpreadPercent the best net spread our data showed in the first 30 min (for a detector signal the
     *        opening one included); null when none was observed
     * @param peakAt when the peak was observed
     * @param converged whether the net spread fell below the kind's close threshold
     * @param convergedAt the first time it did; null when it has not
     * @param aliveSeconds how long the signal was (or has been) open: {@code (closed_at or now) - detected_at}
     * @param confirmation TELEGRAM: the check of the post against our own feed; left out of the JSON until checked,
     *        and for other sources (an OpenAPI 3.0 document cannot say "this object or null")
     */
    public record Outcome(List<Checkpoint> checkpoints, BigDecimal peakNetSpreadPercent, Instant peakAt,
            boolean converged, Instant convergedAt, long aliveSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Confirmation confirmation) {

        public static final String PENDING = "PENDING";
        public static final String MEASURED = "MEASURED";
        public static final String NO_DATA = "NO_DATA";

        public Outcome {
            checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        }
    }

    /**
     * The route's net spread a fixed time after detection.
     *
     * @param minutes 1, 5 or 30
     * @param dueAt {@code detected_at} plus the minutes
     * @param state {@code PENDING} (not yet due or not yet taken), {@code MEASURED} or {@code NO_DATA} (no fresh
     *        observation of the route at the due time)
     * @param netSpreadPercent the last observed net spread at the due time; null unless {@code MEASURED}
     */
    public record Checkpoint(int minutes, Instant dueAt, String state, BigDecimal netSpreadPercent) {
    }

    /**
     * A Telegram post checked against our own feed.
     *
     * @param status {@code CONFIRMED}, {@code NOT_REPRODUCIBLE} or {@code NO_MARKET_DATA}
     * @param channelSpreadPercent the spread the post stated
     * @param ourSpreadPercent the spread our data showed in the window; null when none
     * @param checkedAt when it was checked
     * @param leadSeconds our detector's first signal of the kind and symbol minus the post (positive: the channel
     *        was first); null when there was none in the window
     */
    public record Confirmation(String status, BigDecimal channelSpreadPercent, BigDecimal ourSpreadPercent,
            Instant checkedAt, Long leadSeconds) {
    }
}
