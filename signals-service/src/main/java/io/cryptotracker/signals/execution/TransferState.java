package io.cryptotracker.signals.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.common.events.MarketSnapshot.NetworkStatus;
import io.cryptotracker.common.events.SignalData.Transfer;

/**
 * What is known of MEXC's deposits and withdrawals of a token on one network, in three states: {@code OPEN},
 * {@code CLOSED} or {@code UNKNOWN}. Unknown when MEXC lists no network of the token's contract on the chain, when
 * its status was never read, or when the reading is older than the limit
 * ({@code signals.execution.transfer-status-max-age}): an old "open" is not trusted, MEXC closes networks without
 * notice.
 *
 * <p>A MEXC↔DEX route needs one direction: bought on MEXC, the coins are withdrawn to the chain ({@code WITHDRAW});
 * bought on the DEX, they are deposited to MEXC ({@code DEPOSIT}). A needed direction that is closed or unknown is a
 * flag ({@link Flags#TRANSFER_CLOSED}, {@link Flags#TRANSFER_UNKNOWN}) that keeps the signal from alerting.
 *
 * @param network MEXC's network, null when it lists none for the token on the chain
 * @param deposit the deposit state
 * @param withdraw the withdrawal state
 * @param checkedAt when MEXC's status was read; null when never
 * @param ageSeconds how old that reading was at {@code now}; null when never read
 */
public record TransferState(NetworkStatus network, String deposit, String withdraw, Instant checkedAt,
        Long ageSeconds) {

    /** The route withdraws from MEXC: bought on MEXC, sold on the DEX. */
    public static final String WITHDRAW = "WITHDRAW";
    /** The route deposits to MEXC: bought on the DEX, sold on MEXC. */
    public static final String DEPOSIT = "DEPOSIT";

    /**
     * MEXC's network whose contract is {@code tokenAddress} on {@code chain}: addresses compared case-insensitively
     * (as EVM's are), a network or chain without a chain name accepted. The only way a pool is matched to MEXC's coin:
     * never by ticker.
     */
    public static Optional<NetworkStatus> network(MarketSnapshot market, String chain, String tokenAddress) {
        if (tokenAddress == null) {
            return Optional.empty();
        }
        return market.networks().stream()
                .filter(network -> network.contractAddress() != null
                        && network.contractAddress().equalsIgnoreCase(tokenAddress))
                .filter(network -> network.chain() == null || chain == null
                        || network.chain().equalsIgnoreCase(chain))
                .findFirst();
    }

    /** The states of {@code network} (null: none listed) at {@code now}, a reading older than {@code maxAge} unknown. */
    public static TransferState of(NetworkStatus network, Instant now, Duration maxAge) {
        if (network == null || network.checkedAt() == null) {
            return new TransferState(network, Transfer.UNKNOWN, Transfer.UNKNOWN, null, null);
        }
        long age = Math.max(0, Duration.between(network.checkedAt(), now).toSeconds());
        if (age > maxAge.toSeconds()) {
            return new TransferState(network, Transfer.UNKNOWN, Transfer.UNKNOWN, network.checkedAt(), age);
        }
        return new TransferState(network, state(network.depositEnabled()), state(network.withdrawEnabled()),
                network.checkedAt(), age);
    }

    /** The direction a route needs: {@code WITHDRAW} when it buys on MEXC, {@code DEPOSIT} when it buys on the DEX. */
    public static String needed(String direction) {
        return "BUY_MEXC_SELL_DEX".equals(direction) ? WITHDRAW : DEPOSIT;
    }

    /** The state of the {@code needed} direction. */
    public String state(String needed) {
        return WITHDRAW.equals(needed) ? withdraw : deposit;
    }

    /** The flag the {@code needed} direction raises: closed or unknown; empty when it is open. */
    public Optional<String> flag(String needed) {
        return switch (state(needed)) {
            case Transfer.CLOSED -> Optional.of(Flags.TRANSFER_CLOSED);
            case Transfer.UNKNOWN -> Optional.of(Flags.TRANSFER_UNKNOWN);
            default -> Optional.empty();
        };
    }

    private static String state(boolean enabled) {
        return enabled ? Transfer.OPEN : Transfer.CLOSED;
    }
}
