import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The signals the fake suite serves: {@code rows} open mexc-spot-futures signals shaped like common-lib's
 * {@code SignalData} (what {@code GET /api/v1/signals/{kind}} lists; {@code /signals/{id}} adds signals-service's
 * {@code SignalView} history), and a seeded stream of created / updated / closed events encoded as the frames of
 * notification-service's realtime package ({@code SignalFrames}). The same seed gives the same run.
 */
final class SignalFeed {

    static final String KIND = "mexc-spot-futures";
    /** notification-service's default preferences: browser and sound on, minimum spread 1.0 %. */
    static final BigDecimal NOTIFY_MIN_SPREAD = new BigDecimal("1.0");
    private static final BigDecimal TAKER_FEES_PERCENT = new BigDecimal("0.10");
    private static final String[] LISTED = {"BTC", "ETH", "SOL", "XRP", "DOGE", "ADA", "TRX", "AVAX", "LINK", "TON",
        "SHIB", "DOT", "BCH", "NEAR", "LTC", "PEPE", "UNI", "APT", "ICP", "ETC", "RENDER", "FET", "SUI", "ARB", "OP",
        "INJ", "IMX", "STX", "TIA", "SEI", "WIF", "BONK", "FLOKI", "JUP", "PYTH", "ENA", "ORDI", "NOT", "TAO", "WLD"};

    private final Random random;
    private final Gson json = new GsonBuilder().serializeNulls().create();
    private final UUID userId;
    private final double createdShare;
    private final double closedShare;
    private final Map<String, Map<String, Object>> signals = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> history = new LinkedHashMap<>();
    private final List<String> open = new ArrayList<>();
    private final Set<String> openSymbols = new HashSet<>();
    private final List<Map<String, Object>> notifications = new ArrayList<>();
    private long seq = 100_000;
    private final Map<String, Integer> sentByEvent = new LinkedHashMap<>();

    SignalFeed(long seed, int rows, UUID userId, double createdShare, double closedShare) {
        this.random = new Random(seed);
        this.userId = userId;
        this.createdShare = createdShare;
        this.closedShare = closedShare;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < rows; i++) {
            Instant detected = now.minusMillis((long) (random.nextDouble() * Duration.ofHours(6).toMillis()));
            Map<String, Object> signal = newSignal(detected, now.minusMillis(random.nextInt(60_000)));
            remember(signal, "created", detected, seq - rows + i);
        }
    }

    /** One signal event: the {@code signal} frame, and for a created signal the user's {@code notification} frame. */
    record Event(long seq, String event, String signalFrame, String notificationFrame) {
    }

    /** The next event of the stream, applied to the served state first (a reload lists what the socket said). */
    Event next() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        double pick = random.nextDouble();
        String event = pick < createdShare ? "created" : pick < createdShare + closedShare ? "closed" : "updated";
        Map<String, Object> signal;
        if ("created".equals(event)) {
            signal = newSignal(now, now);
        }
        else {
            String id = open.get(random.nextInt(open.size()));
            signal = copy(signals.get(id));
            if ("closed".equals(event)) {
                move(signal, now, 0.2 + random.nextDouble() * 0.2);
                signal.put("status", "CLOSED");
                signal.put("closed_at", now.toString());
            }
            else {
                double drift = 0.85 + random.nextDouble() * 0.3;
                move(signal, now, Math.max(0.3, percent(signal, "spread_percent") * drift));
            }
        }
        long frameSeq = ++seq;
        remember(signal, event, now, frameSeq);
        sentByEvent.merge(event, 1, Integer::sum);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "signal");
        frame.put("event", event);
        frame.put("id", signal.get("id"));
        frame.put("seq", frameSeq);
        frame.put("data", signal);
        String notification = null;
        if ("created".equals(event) && ((BigDecimal) signal.get("spread_percent")).compareTo(NOTIFY_MIN_SPREAD) >= 0) {
            notification = json.toJson(notification(signal, now));
        }
        return new Event(frameSeq, event, json.toJson(frame), notification);
    }

    Map<String, Integer> sentByEvent() {
        return sentByEvent;
    }

    /** {@code GET /api/v1/signals/mexc-spot-futures}: the matching signals, sorted, as a JSON value. */
    List<Map<String, Object>> list(String status, String symbol, String prefix, BigDecimal minSpread,
            BigDecimal maxSpread, String sortField, boolean ascending) {
        Comparator<Map<String, Object>> order = (a, b) -> compare(a.get(sortField), b.get(sortField));
        return signals.values().stream()
                .filter(s -> status == null || status.equalsIgnoreCase((String) s.get("status")))
                .filter(s -> symbol == null || symbol.equals(s.get("symbol")))
                .filter(s -> prefix == null || ((String) s.get("symbol")).startsWith(prefix))
                .filter(s -> minSpread == null || ((BigDecimal) s.get("spread_percent")).compareTo(minSpread) >= 0)
                .filter(s -> maxSpread == null || ((BigDecimal) s.get("spread_percent")).compareTo(maxSpread) <= 0)
                .sorted(ascending ? order : order.reversed())
                .toList();
    }

    /** {@code GET /api/v1/signals/{id}}: SignalView, the signal with its history oldest first; null when unknown. */
    Map<String, Object> view(String id) {
        Map<String, Object> signal = signals.get(id);
        if (signal == null) {
            return null;
        }
        Map<String, Object> view = copy(signal);
        view.put("history", history.get(id));
        return view;
    }

    /** The user's notifications, newest first, as notification-service's NotificationView. */
    List<Map<String, Object>> notifications() {
        List<Map<String, Object>> newestFirst = new ArrayList<>(notifications);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    String toJson(Object value) {
        return json.toJson(value);
    }

    byte[] toJsonBytes(Object value) {
        return toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> newSignal(Instant detected, Instant updated) {
        String symbol = freshSymbol();
        double spotPrice = Math.pow(10, -5 + random.nextDouble() * 9);
        double spread = 0.3 + -Math.log(1 - random.nextDouble()) * 0.7;
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("id", UUID.nameUUIDFromBytes(("bench:" + symbol + ":" + detected).getBytes(StandardCharsets.UTF_8))
                .toString());
        signal.put("kind", KIND);
        signal.put("symbol", symbol + "/USDT");
        signal.put("spread_percent", null);
        signal.put("net_spread_percent", null);
        signal.put("peak_spread_percent", null);
        signal.put("status", "OPEN");
        signal.put("source", random.nextInt(10) == 0 ? "TELEGRAM" : "DETECTOR");
        signal.put("detected_at", detected.toString());
        signal.put("updated_at", null);
        signal.put("closed_at", null);
        Map<String, Object> legs = new LinkedHashMap<>();
        legs.put("spot_bid", null);
        legs.put("spot_ask", price(spotPrice));
        legs.put("futures_bid", null);
        legs.put("futures_ask", null);
        legs.put("direction", random.nextInt(4) == 0 ? "SELL_SPOT_LONG_PERP" : "BUY_SPOT_SHORT_PERP");
        legs.put("funding_rate", new BigDecimal(random.nextGaussian() * 0.0005).setScale(6, RoundingMode.HALF_UP));
        legs.put("next_funding_time", nextFunding(detected).toString());
        legs.put("spot_volume_24h", new BigDecimal(Math.pow(10, 4 + random.nextDouble() * 5))
                .setScale(2, RoundingMode.HALF_UP));
        legs.put("futures_volume_24h", new BigDecimal(Math.pow(10, 5 + random.nextDouble() * 5))
                .setScale(2, RoundingMode.HALF_UP));
        signal.put("spot_futures", legs);
        move(signal, updated, spread);
        return signal;
    }

    /** Sets the four prices for a gross spread of {@code spread} percent, and the spreads and peak from them. */
    private void move(Map<String, Object> signal, Instant at, double spread) {
        @SuppressWarnings("unchecked")
        Map<String, Object> legs = (Map<String, Object>) signal.get("spot_futures");
        double spotAsk = ((BigDecimal) legs.get("spot_ask")).doubleValue() * (1 + random.nextGaussian() * 0.0005);
        double tick = spotAsk * 0.0002;
        boolean buySpot = "BUY_SPOT_SHORT_PERP".equals(legs.get("direction"));
        double futuresBid = buySpot ? spotAsk * (1 + spread / 100) : spotAsk * (1 - spread / 100) - tick;
        legs.put("spot_ask", price(spotAsk));
        legs.put("spot_bid", price(spotAsk - tick));
        legs.put("futures_bid", price(futuresBid));
        legs.put("futures_ask", price(futuresBid + tick));
        BigDecimal gross = new BigDecimal(spread).setScale(4, RoundingMode.HALF_UP);
        signal.put("spread_percent", gross);
        signal.put("net_spread_percent", gross.subtract(TAKER_FEES_PERCENT).max(BigDecimal.ZERO));
        BigDecimal peak = (BigDecimal) signal.get("peak_spread_percent");
        signal.put("peak_spread_percent", peak == null ? gross : peak.max(gross));
        signal.put("updated_at", at.toString());
    }

    private void remember(Map<String, Object> signal, String change, Instant at, long changeSeq) {
        String id = (String) signal.get("id");
        signals.put(id, signal);
        if ("OPEN".equals(signal.get("status"))) {
            if (!open.contains(id)) {
                open.add(id);
                openSymbols.add((String) signal.get("symbol"));
            }
        }
        else {
            open.remove(id);
            openSymbols.remove(signal.get("symbol"));
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", changeSeq);
        entry.put("change", change);
        entry.put("changed_at", at.toString());
        entry.put("spread_percent", signal.get("spread_percent"));
        entry.put("net_spread_percent", signal.get("net_spread_percent"));
        history.computeIfAbsent(id, key -> new ArrayList<>()).add(entry);
    }

    private Map<String, Object> notification(Map<String, Object> signal, Instant at) {
        BigDecimal spread = (BigDecimal) signal.get("spread_percent");
        String title = "MEXC spot/futures " + signal.get("symbol") + ": "
                + spread.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "% spread";
        @SuppressWarnings("unchecked")
        Map<String, Object> legs = (Map<String, Object>) signal.get("spot_futures");
        String body = ("BUY_SPOT_SHORT_PERP".equals(legs.get("direction")) ? "Buy spot, short the perpetual. "
                : "Sell spot, long the perpetual. ") + "Net spread "
                + ((BigDecimal) signal.get("net_spread_percent")).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString()
                + "% after fees. Source: " + ((String) signal.get("source")).toLowerCase() + ".";
        String id = UUID.nameUUIDFromBytes((userId + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "notification");
        frame.put("id", id);
        frame.put("signal_id", signal.get("id"));
        frame.put("kind", KIND);
        frame.put("symbol", signal.get("symbol"));
        frame.put("spread_percent", spread);
        frame.put("title", title);
        frame.put("body", body);
        frame.put("created_at", at.toString());
        frame.put("browser", true);
        frame.put("sound", true);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", id);
        stored.put("signal_id", signal.get("id"));
        stored.put("kind", KIND);
        stored.put("symbol", signal.get("symbol"));
        stored.put("spread_percent", spread);
        stored.put("title", title);
        stored.put("body", body);
        stored.put("created_at", at.toString());
        stored.put("read", false);
        stored.put("read_at", null);
        notifications.add(stored);
        return frame;
    }

    private String freshSymbol() {
        for (String listed : LISTED) {
            if (!openSymbols.contains(listed + "/USDT")) {
                return listed;
            }
        }
        while (true) {
            int length = 3 + random.nextInt(4);
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append((char) ('A' + random.nextInt(26)));
            }
            if (!openSymbols.contains(name + "/USDT")) {
                return name.toString();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return ((Comparable) a).compareTo(b);
    }

    private static double percent(Map<String, Object> signal, String field) {
        return ((BigDecimal) signal.get(field)).doubleValue();
    }

    /** Eight significant digits at most, never scientific notation (the API's numeric columns). */
    private static BigDecimal price(double value) {
        int scale = Math.max(2, 7 - (int) Math.floor(Math.log10(value)));
        return new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
    }

    private static Instant nextFunding(Instant from) {
        long eightHours = Duration.ofHours(8).toSeconds();
        return Instant.ofEpochSecond((from.getEpochSecond() / eightHours + 1) * eightHours);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> signal) {
        Map<String, Object> copy = new LinkedHashMap<>(signal);
        copy.put("spot_futures", new LinkedHashMap<>((Map<String, Object>) signal.get("spot_futures")));
        return copy;
    }
}
