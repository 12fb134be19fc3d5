import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.cryptotracker.common.events.Topics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Checks the load tooling itself, not a result: a minimal Reactor Netty WebSocket broadcast server on loopback
 * (bearer header required but not verified), fed from the signals topic, each frame encoded once and written to
 * every session through a bounded per-session queue (overflow closes the session). Its numbers are the ceiling of
 * the load generator on this machine, not of notification-service.
 *
 * <p>Usage: {@code SelfTestServer <port> <kafkaBootstrap>}.
 */
public final class SelfTestServer {

    record Session(Sinks.Many<WebSocketFrame> sink, Connection connection) {
    }

    static final Map<Session, Boolean> SESSIONS = new ConcurrentHashMap<>();
    static final AtomicLong OVERFLOWS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String kafka = args[1];
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .route(routes -> routes.get("/ws/signals", (request, response) -> {
                    String authorization = request.requestHeaders().get("Authorization");
                    if (authorization == null || !authorization.startsWith("Bearer ")) {
                        return response.status(HttpResponseStatus.UNAUTHORIZED).send();
                    }
                    return response.sendWebsocket((in, out) -> {
                        Queue<WebSocketFrame> queue = new ArrayBlockingQueue<>(Integer.getInteger("selftest.queue", 256));
                        Sinks.Many<WebSocketFrame> sink = Sinks.many().unicast().onBackpressureBuffer(queue);
                        Session[] session = new Session[1];
                        in.withConnection(connection -> {
                            session[0] = new Session(sink, connection);
                            SESSIONS.put(session[0], Boolean.TRUE);
                            connection.onDispose(() -> SESSIONS.remove(session[0]));
                        });
                        Mono<Void> inbound = in.receive().then();
                        return out.sendObject(sink.asFlux()).then().and(inbound);
                    });
                }))
                .bindNow();
        System.out.println("self-test server on 127.0.0.1:" + server.port());
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNALS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    broadcast(frame(record.value()));
                }
            }
        }
    }

    /** {@code {"type":"signal","event":"created","id":…,"seq":…,"data":…}} from the event's JSON (data is last). */
    static ByteBuf frame(String event) {
        String id = value(event, "\"signal_id\":\"", '"');
        String seq = value(event, "\"seq\":", ',');
        int data = event.indexOf("\"data\":");
        String json = "{\"type\":\"signal\",\"event\":\"created\",\"id\":\"" + id + "\",\"seq\":" + seq + ","
                + event.substring(data, event.length() - 1) + "}";
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    static String value(String json, String prefix, char end) {
        int start = json.indexOf(prefix) + prefix.length();
        return json.substring(start, json.indexOf(end, start));
    }

    static void broadcast(ByteBuf bytes) {
        for (Session session : SESSIONS.keySet()) {
            Sinks.EmitResult result = session.sink().tryEmitNext(new TextWebSocketFrame(bytes.duplicate()));
            if (result.isFailure()) {
                OVERFLOWS.incrementAndGet();
                session.connection().dispose();
            }
        }
    }
}
