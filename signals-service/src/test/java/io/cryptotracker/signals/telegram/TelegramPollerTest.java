package io.cryptotracker.signals.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The long-polling client against a fake Bot API on a real loopback HTTP server. */
class TelegramPollerTest {

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile String updates = "{\"ok\":true,\"result\":[]}";
    volatile int status = 200;

    @BeforeEach
    void startFakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            requests.add(path);
            String body = path.contains("/deleteWebhook") ? "{\"ok\":true,\"result\":true}" : updates;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.contains("/getUpdates") ? status : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopFakeTelegram() {
        server.stop(0);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void removesTheWebhookThenHandsOverChannelPostsAndConfirmsThemByTheOffset() throws Exception {
        List<TelegramPost> received = new ArrayList<>();
        TelegramPoller poller = new TelegramPoller(apiUrl(), "123:secret-token", 1, 40, received::add);
        updates = "{\"ok\":true,\"result\":[{\"update_id\":41,\"channel_post\":{\"message_id\":7,\"chat\":{\"id\":-100,"
                + "\"title\":\"Arb\"},\"date\":1795558000,\"text\":\"Spread Alert for XYZUSDT\"}},"
                + "{\"update_id\":42,\"my_chat_member\":{}},"
                + "{\"update_id\":43,\"edited_channel_post\":{\"message_id\":7,\"chat\":{\"id\":-100},"
                + "\"date\":1795558000,\"edit_date\":1795558100,\"text\":\"edited\"}}]}";

        assertThat(poller.pollOnce()).isEqualTo(3);

        assertThat(requests.get(0)).startsWith("/bot123:secret-token/deleteWebhook");
        assertThat(requests.get(1)).startsWith("/bot123:secret-token/getUpdates").contains("offset=40")
                .contains("channel_post");
        assertThat(received).extracting(TelegramPost::updateId).containsExactly(41L, 43L);
        assertThat(received.get(1).editedAt()).isNotNull();
        assertThat(poller.offset()).isEqualTo(44);

        updates = "{\"ok\":true,\"result\":[]}";
        assertThat(poller.pollOnce()).isZero();
        assertThat(requests.get(2)).contains("offset=44");
    }

    @Test
    void aFailingSinkLeavesTheUpdateUnconfirmedForTheNextRound() throws Exception {
        TelegramPoller poller = new TelegramPoller(apiUrl(), "t", 1, 0, post -> {
            throw new IllegalStateException("database away");
        });
        updates = "{\"ok\":true,\"result\":[{\"update_id\":5,\"channel_post\":{\"message_id\":1,\"chat\":{\"id\":-1},"
                + "\"date\":1795558000,\"text\":\"x\"}}]}";

        assertThatThrownBy(poller::pollOnce).hasMessage("database away");
        assertThat(poller.offset()).isZero();
    }

    @Test
    void anErrorAnswerIsReportedWithoutTheToken() {
        TelegramPoller poller = new TelegramPoller(apiUrl(), "123:secret-token", 1, 0, post -> { });
        status = 409;
        updates = "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates\"}";

        assertThatThrownBy(poller::pollOnce).hasMessageContaining("409").hasMessageContaining("Conflict")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void pollingGoesOnAfterAFailedRoundOnceTheBackOffPauseHasPassed() {
        List<TelegramPost> received = new CopyOnWriteArrayList<>();
        TelegramPoller poller = new TelegramPoller(apiUrl(), "t", 1, 0, received::add);
        status = 502;
        updates = "Bad Gateway";
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        try {
            TelegramPoller.Polling polling = poller.pollOn(scheduler);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> requests.stream().anyMatch(path -> path.contains("/getUpdates")));

            status = 200;
            updates = "{\"ok\":true,\"result\":[{\"update_id\":9,\"channel_post\":{\"message_id\":3,"
                    + "\"chat\":{\"id\":-1},\"date\":1795558000,\"text\":\"Spread Alert\"}}]}";
            await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
            assertThat(received.get(0).updateId()).isEqualTo(9);

            polling.stop();
        }
        finally {
            scheduler.shutdown();
        }
        await().atMost(Duration.ofSeconds(5)).until(scheduler.getScheduledThreadPoolExecutor()::isTerminated);
    }
}
