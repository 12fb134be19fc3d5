package io.cryptotracker.signals.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalOutcomes;
import io.cryptotracker.signals.store.SignalStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Filtered, sorted, paged reads of one signal table; every condition is a bound parameter. */
@Repository
class SignalSearch {

    private final JdbcClient jdbc;
    private final SignalOutcomes outcomes;
    private final Clock clock;

    SignalSearch(JdbcClient jdbc, SignalOutcomes outcomes, Clock clock) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** @param query its sort field is one of the table's columns (checked by the caller's allowed set) */
    PageResponse<SignalData> find(SignalFilter filter, PageQuery query) {
        SignalKind kind = filter.kind();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (filter.symbol() != null) {
            where.append(" AND symbol = :symbol");
            params.put("symbol", filter.symbol());
        }
        if (filter.q() != null) {
            where.append(" AND symbol LIKE :q");
            params.put("q", filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.minSpread() != null) {
            where.append(" AND spread_percent >= :minSpread");
            params.put("minSpread", filter.minSpread());
        }
        if (filter.maxSpread() != null) {
            where.append(" AND spread_percent <= :maxSpread");
            params.put("maxSpread", filter.maxSpread());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status());
        }
        if (filter.source() != null) {
            where.append(" AND source = :source");
            params.put("source", filter.source());
        }
        if (filter.from() != null) {
            where.append(" AND detected_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND detected_at <= :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.visibleBefore() != null) {
            where.append(" AND detected_at <= :visibleBefore");
            params.put("visibleBefore", Timestamp.from(filter.visibleBefore()));
        }
        if (filter.exchange() != null && kind == SignalKind.FUNDING_RATE) {
            where.append(" AND (long_exchange = :exchange OR short_exchange = :exchange)");
            params.put("exchange", filter.exchange());
        }
        if (filter.chain() != null && kind == SignalKind.MEXC_DEX) {
            where.append(" AND chain = :chain");
            params.put("chain", filter.chain());
        }
        if (filter.minLiquidity() != null && kind == SignalKind.MEXC_DEX) {
            where.append(" AND liquidity_usd >= :minLiquidity");
            params.put("minLiquidity", filter.minLiquidity());
        }
        long total = jdbc.sql("SELECT count(*) FROM " + kind.table() + where).params(params).query(Long.class)
                .single();
        String direction = query.ascending() ? " ASC" : " DESC";
        params.put("limit", query.size());
        params.put("offset", query.offset());
        List<SignalData> items = total == 0 ? List.of()
                : jdbc.sql("SELECT * FROM " + kind.table() + where + " ORDER BY " + query.sortField() + direction
                        + ", id" + direction + " LIMIT :limit OFFSET :offset").params(params)
                        .query((rs, row) -> SignalStore.map(kind, rs).data()).list();
        return PageResponse.of(withOutcomes(items), query, total);
    }

    /** The page's outcomes in one read by primary key (at most a page of rows). */
    private List<SignalData> withOutcomes(List<SignalData> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<UUID, SignalData.Outcome> found = outcomes.of(items.stream().map(SignalData::id).toList(),
                clock.instant());
        return items.stream().map(item -> item.withOutcome(found.get(item.id()))).toList();
    }
}
