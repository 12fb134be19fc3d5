package io.cryptotracker.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/** The one listener error handler and its back-off, as configured (the redelivery itself: the integration test). */
class KafkaListenerErrorHandlingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaListenerErrorHandling.class));

    @Test
    void byDefaultPausesFromHalfASecondDoublingUpToThirtySecondsForAsLongAsItTakes() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(CommonErrorHandler.class).getBean(CommonErrorHandler.class)
                    .isInstanceOf(DefaultErrorHandler.class);
            assertThat(pauses(ctx.getBean(BackOff.class), 10)).containsExactly(500L, 1000L, 2000L, 4000L, 8000L,
                    16000L, 30000L, 30000L, 30000L, 30000L);
        });
    }

    @Test
    void aServiceMayCapTheRetriesSoARecordIsSkippedAfterThem() {
        context.withPropertyValues("cryptotracker.kafka.listener.retry.max-interval=10s",
                "cryptotracker.kafka.listener.retry.max-elapsed-time=1m").run(ctx -> {
                    List<Long> pauses = pauses(ctx.getBean(BackOff.class), 20);
                    assertThat(pauses).startsWith(500L, 1000L, 2000L, 4000L, 8000L, 10000L)
                            .endsWith(BackOffExecution.STOP);
                    assertThat(pauses.stream().filter(p -> p > 0).mapToLong(Long::longValue).sum())
                            .isBetween(50_000L, 70_000L);
                });
    }

    @Test
    void aServicesOwnErrorHandlerReplacesIt() {
        context.withBean(CommonLoggingErrorHandler.class).run(ctx -> assertThat(ctx)
                .hasSingleBean(CommonErrorHandler.class).getBean(CommonErrorHandler.class)
                .isInstanceOf(CommonLoggingErrorHandler.class));
    }

    private static List<Long> pauses(BackOff backOff, int count) {
        BackOffExecution execution = backOff.start();
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long pause = execution.nextBackOff();
            pauses.add(pause);
            if (pause == BackOffExecution.STOP) {
                break;
            }
        }
        return pauses;
    }
}
