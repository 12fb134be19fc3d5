package io.cryptotracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.cryptotracker.common.scheduling.ClusterJobs;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@EmbeddedInfrastructure
@SpringBootTest(classes = OutboxTestApplication.class,
        properties = "spring.liquibase.change-log=classpath:db/changelog/test-changelog.yaml")
class ClusterJobsIntegrationTest {

    @Autowired
    ClusterJobs jobs;

    @Test
    void aJobRunningOnOneReplicaIsSkippedByTheOthersAndRunsAgainAfterwards() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jobs.runExclusively("test.job", () -> {
            started.countDown();
            await(release);
        }));
        await(started);

        boolean second = jobs.runExclusively("test.job", () -> { });
        boolean otherJob = jobs.runExclusively("test.other-job", () -> { });
        release.countDown();

        assertThat(second).isFalse();
        assertThat(otherJob).isTrue();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.runExclusively("test.job", () -> { })).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
