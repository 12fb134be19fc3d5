package io.cryptotracker.signals.outcome;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outcome ledger's settings ({@code signals.outcomes.*}).
 *
 * @param observationMaxAge a checkpoint takes the route's last observation only when it is at most this old at the due
 *        time; otherwise the checkpoint is {@code NO_DATA}
 * @param checkpointInterval how often due checkpoints are taken for routes that sent no observation; short, so each
 *        round announces only the checkpoints that fell due since the last one (README "Outcome ledger")
 * @param watchRefreshInterval how often each replica reloads the routes still watched (other replicas' signals)
 */
@ConfigurationProperties("signals.outcomes")
public record OutcomeSettings(@DefaultValue("30s") Duration observationMaxAge,
        @DefaultValue("1s") Duration checkpointInterval, @DefaultValue("5s") Duration watchRefreshInterval) {
}
