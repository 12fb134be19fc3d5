package io.cryptotracker.notifications.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.reactive.config.BlockingExecutionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Controllers stay imperative (JDBC): WebFlux runs every controller method that returns no reactive type on this
 * bounded pool instead of the Netty event loop, which must never block (it serves the WebSocket fan-out).
 */
@Configuration(proxyBeanMethods = false)
public class BlockingControllers implements WebFluxConfigurer, DisposableBean {

    private final AsyncTaskExecutor executor;

    public BlockingControllers(@Value("${notifications.web.blocking-threads:16}") int threads,
            @Value("${notifications.web.blocking-queue:1000}") int queue) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setQueueCapacity(queue);
        pool.setThreadNamePrefix("blocking-http-");
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.initialize();
        this.executor = pool;
    }

    @Override
    public void configureBlockingExecution(BlockingExecutionConfigurer configurer) {
        configurer.setExecutor(executor);
    }

    /** Not a bean (it would displace Boot's applicationTaskExecutor), so shut down here. */
    @Override
    public void destroy() {
        ((ThreadPoolTaskExecutor) executor).shutdown();
    }
}
