/**
 * Each {@code MarketSnapshot} from market-service through the detectors ({@code detect}) and the execution pricing
 * ({@code execution}) into signal changes ({@code store}).
 */
package io.cryptotracker.signals.market;
