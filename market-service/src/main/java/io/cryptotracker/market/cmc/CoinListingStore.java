package io.cryptotracker.market.cmc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code coin_market_cap_data} table: the last synced top-N listings, replaced as a whole by each sync. */
@Repository
public class CoinListingStore {

    private static final String COLUMNS = "cmc_id, symbol, name, slug, cmc_rank, price_usd, volume_24h_usd, "
            + "market_cap_usd, percent_change_1h, percent_change_24h, percent_change_7d, circulating_supply, "
            + "last_updated";

    private final JdbcTemplate jdbc;

    CoinListingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserts the listings and drops coins that left the top N; call inside one transaction. */
    public void replaceAll(List<CoinListing> coins, Instant syncedAt) {
        Timestamp synced = Timestamp.from(syncedAt);
        jdbc.batchUpdate("INSERT INTO coin_market_cap_data (" + COLUMNS + ", synced_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cmc_id) DO UPDATE SET "
                + "symbol = EXCLUDED.symbol, name = EXCLUDED.name, slug = EXCLUDED.slug, cmc_rank = EXCLUDED.cmc_rank, "
                + "price_usd = EXCLUDED.price_usd, volume_24h_usd = EXCLUDED.volume_24h_usd, "
                + "market_cap_usd = EXCLUDED.market_cap_usd, percent_change_1h = EXCLUDED.percent_change_1h, "
                + "percent_change_24h = EXCLUDED.percent_change_24h, percent_change_7d = EXCLUDED.percent_change_7d, "
                + "circulating_supply = EXCLUDED.circulating_supply, last_updated = EXCLUDED.last_updated, "
                + "synced_at = EXCLUDED.synced_at",
                coins.stream().map(coin -> new Object[] { coin.cmcId(), coin.symbol(), coin.name(), coin.slug(),
                        coin.rank(), coin.price(), coin.volume24h(), coin.marketCap(), coin.percentChange1h(),
                        coin.percentChange24h(), coin.percentChange7d(), coin.circulatingSupply(),
                        coin.lastUpdated() == null ? null : Timestamp.from(coin.lastUpdated()), synced }).toList());
        jdbc.update("DELETE FROM coin_market_cap_data WHERE synced_at < ?", synced);
    }

    public List<CoinListing> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM coin_market_cap_data", CoinListingStore::row);
    }

    /** When the stored listings were last synced, null when there are none. */
    public Instant lastSyncedAt() {
        Timestamp at = jdbc.queryForObject("SELECT max(synced_at) FROM coin_market_cap_data", Timestamp.class);
        return at == null ? null : at.toInstant();
    }

    private static CoinListing row(ResultSet rs, int index) throws SQLException {
        Timestamp updated = rs.getTimestamp("last_updated");
        int rank = rs.getInt("cmc_rank");
        Integer rankOrNull = rs.wasNull() ? null : rank;
        return new CoinListing(rs.getLong("cmc_id"), rs.getString("symbol"), rs.getString("name"),
                rs.getString("slug"), rankOrNull, rs.getBigDecimal("price_usd"), rs.getBigDecimal("volume_24h_usd"),
                rs.getBigDecimal("market_cap_usd"), rs.getBigDecimal("percent_change_1h"),
                rs.getBigDecimal("percent_change_24h"), rs.getBigDecimal("percent_change_7d"),
                rs.getBigDecimal("circulating_supply"), updated == null ? null : updated.toInstant());
    }
}
