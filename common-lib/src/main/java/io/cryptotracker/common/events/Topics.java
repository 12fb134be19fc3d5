package io.cryptotracker.common.events;

/** Kafka topic names of SPEC "Events"; the key of each is given beside it. */
public final class Topics {

    /** Key: user id. UserRegistered, SubscriptionChanged, PreferencesChanged, PasswordChanged. */
    public static final String USERS = "cryptotracker.users.v1";

    /** Key: symbol. MarketSnapshot, FundingIntervalChanged. */
    public static final String MARKET = "cryptotracker.market.v1";

    /** Key: signal id. SignalCreated, SignalUpdated, SignalClosed, SignalDeleted. */
    public static final String SIGNALS = "cryptotracker.signals.v1";

    /** Key: user id. AuditEvent. */
    public static final String AUDIT = "cryptotracker.audit.v1";

    private Topics() {
    }
}
