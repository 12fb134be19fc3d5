package io.cryptotracker.users.preferences;

import com.fasterxml.jackson.annotation.JsonValue;

/** The signal kinds of SPEC, in their canonical order, by API name. */
public enum SignalKind {

    MEXC_SPOT_FUTURES("mexc-spot-futures"), FUNDING_RATE("funding-rate"), MEXC_DEX("mexc-dex");

    private final String apiName;

    SignalKind(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }
}
