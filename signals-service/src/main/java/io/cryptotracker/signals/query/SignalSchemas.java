package io.cryptotracker.signals.query;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document cannot read from common-lib's {@code SignalData} record: {@code closed_at} is null
 * while a signal is open, and every field of a kind's details may be null (a manual signal may leave any out, a
 * venue may not report a funding rate or a volume); so may every field of the execution block's legs, size quotes
 * (a refused size has only its size and refusal), funding income and transfer, and {@code max_size_usdt}; and in
 * the outcome, what is not measured yet: the peak, the convergence time, a checkpoint's net spread, and the Telegram
 * check's figures that may be missing (the check itself is left out until made).
 */
@Configuration(proxyBeanMethods = false)
class SignalSchemas {

    @Bean
    @SuppressWarnings({ "rawtypes", "unchecked" })
    OpenApiCustomizer nullableSignalFields() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            Stream.of("SignalData", "SignalView").map(schemas::get).filter(Objects::nonNull)
                    .map(schema -> (Schema<?>) schema.getProperties().get("closed_at")).filter(Objects::nonNull)
                    .forEach(property -> property.setNullable(true));
            Stream.of("SpotFutures", "Funding", "Dex", "Leg", "SizeQuote", "FundingIncome", "Transfer")
                    .map(schemas::get).filter(Objects::nonNull)
                    .forEach(schema -> ((Map<String, Schema>) schema.getProperties()).values()
                            .forEach(property -> property.setNullable(true)));
            Stream.of("Execution", "SignalQuote").map(schemas::get).filter(Objects::nonNull)
                    .map(schema -> (Schema<?>) schema.getProperties().get("max_size_usdt")).filter(Objects::nonNull)
                    .forEach(property -> property.setNullable(true));
            nullable(schemas, "Outcome", "peak_net_spread_percent", "peak_at", "converged_at");
            nullable(schemas, "Checkpoint", "net_spread_percent");
            nullable(schemas, "Confirmation", "our_spread_percent", "lead_seconds");
        };
    }

    @SuppressWarnings("rawtypes")
    private static void nullable(Map<String, Schema> schemas, String schema, String... properties) {
        Schema<?> found = schemas.get(schema);
        if (found == null || found.getProperties() == null) {
            return;
        }
        for (String property : properties) {
            Schema<?> field = found.getProperties().get(property);
            if (field != null) {
                field.setNullable(true);
            }
        }
    }
}
