package io.cryptotracker.notifications.web;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
@EnableConfigurationProperties(BlockingControllers.Pool.class)
public class BlockingControllers implements WebFluxConfigurer, DisposableBean {

    private final AsyncTaskExecutor executor;

    public BlockingControllers(Pool settings) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(settings.blockingThreads());
        pool.setMaxPoolSize(settings.blockingThreads());
        pool.setQueueCapacity(settings.blockingQueue());
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

    /**
     * @param blockingThreads the pool's threads ({@code notifications.web.blocking-threads})
     * @param blockingQueue how many requests may wait for a thread; past that the pool refuses
     *        ({@code notifications.web.blocking-queue})
     */
    @ConfigurationProperties("notifications.web")
    public record Pool(@DefaultValue("16") int blockingThreads, @DefaultValue("1000") int blockingQueue) {
    }
}
