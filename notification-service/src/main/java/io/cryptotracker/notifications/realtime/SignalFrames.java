package io.cryptotracker.notifications.realtime;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalDeleted;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.notifications.inbox.NotificationText;
import tools.jackson.databind.json.JsonMapper;

/** Encodes signal events into the frames of SPEC "WebSocket /ws/signals", once per event. */
final class SignalFrames {

    private static final String ID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

    private final JsonMapper json;
    private final Clock clock;

    SignalFrames(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * The frame of a signal event, or null for any other event or one without signal data. A created signal comes with
     * its {@code notification} frame unless it must not alert ({@link SignalData#alertable()}): then it is listed on
     * the board, with no browser notification and no sound.
     */
    SignalFrame encode(DomainEvent event) {
        if (event instanceof SignalCreated e) {
            return frame("created", e.eventId(), e.occurredAt(), e.signalId(), e.seq(), e.data(),
                    e.data() != null && e.data().alertable());
        }
        if (event instanceof SignalUpdated e) {
            return frame("updated", e.eventId(), e.occurredAt(), e.signalId(), e.seq(), e.data(), false);
        }
        if (event instanceof SignalClosed e) {
            return frame("closed", e.eventId(), e.occurredAt(), e.signalId(), e.seq(), e.data(), false);
        }
        if (event instanceof SignalDeleted e) {
            return frame("deleted", e.eventId(), e.occurredAt(), e.signalId(), e.seq(), e.data(), false);
        }
        return null;
    }

    private SignalFrame frame(String name, UUID eventId, Instant occurredAt, UUID signalId, long seq, SignalData data,
            boolean notify) {
        if (data == null || data.kind() == null) {
            return null;
        }
        // the one encoding every socket gets: published_at is when this replica released the frame to its sockets
        Instant publishedAt = clock.instant();
        byte[] payload = json.writeValueAsBytes(new SignalMessage("signal", name, signalId != null ? signalId
                : data.id(), seq, publishedAt, data));
        return new SignalFrame(seq, name, eventId, occurredAt, eventTime(name, occurredAt, data), data,
                FrameBytes.text(payload),
                notify ? notification(signalId != null ? signalId : data.id(), occurredAt, data) : null);
    }

    /**
     * When what the frame tells happened: a created signal's detection, an update's {@code updated_at}, a close's
     * {@code closed_at}; the event's own time where the signal lacks it (and for a deletion).
     */
    static Instant eventTime(String name, Instant occurredAt, SignalData data) {
        Instant time = switch (name) {
            case "created" -> data.detectedAt();
            case "updated" -> data.updatedAt();
            case "closed" -> data.closedAt() != null ? data.closedAt() : data.updatedAt();
            default -> null;
        };
        return time != null ? time : occurredAt;
    }

    private SignalFrame.NotificationParts notification(UUID signalId, Instant occurredAt, SignalData data) {
        byte[][] head = new byte[4][];
        byte[][] tail = new byte[4][];
        String title = NotificationText.title(data);
        String body = NotificationText.body(data);
        for (int flags = 0; flags < 4; flags++) {
            byte[] payload = json.writeValueAsBytes(new NotificationMessage("notification", ID_PLACEHOLDER, signalId,
                    data.kind(), data.symbol(), data.spreadPercent(), title, body, occurredAt, (flags & 2) != 0,
                    (flags & 1) != 0));
            int at = indexOf(payload, ID_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII));
            int headerLength = FrameBytes.headerLength(payload.length);
            io.netty.buffer.ByteBuf header = io.netty.buffer.Unpooled.buffer(headerLength);
            FrameBytes.writeHeader(header, payload.length);
            byte[] h = new byte[headerLength + at];
            header.readBytes(h, 0, headerLength);
            System.arraycopy(payload, 0, h, headerLength, at);
            head[flags] = h;
            tail[flags] = Arrays.copyOfRange(payload, at + ID_PLACEHOLDER.length(), payload.length);
        }
        return new SignalFrame.NotificationParts(head, tail);
    }

    /** A frame of its own for one socket (pong, error): rare, so encoded when needed. */
    byte[] message(Object message) {
        return json.writeValueAsBytes(message);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("id placeholder not found");
    }

    /** {@code {"type":"signal","event":...,"id":...,"seq":...,"published_at":...,"data":{...}}} */
    record SignalMessage(String type, String event, UUID id, long seq, Instant publishedAt, SignalData data) {
    }

    /** {@code {"type":"notification",...}}; created_at is when the signal event occurred. */
    record NotificationMessage(String type, String id, UUID signalId, String kind, String symbol,
            BigDecimal spreadPercent, String title, String body, Instant createdAt, boolean browser, boolean sound) {
    }

    /** {@code {"type":"error","code":...,"message":...}} */
    record ErrorMessage(String type, String code, String message) {

        ErrorMessage(String code, String message) {
            this("error", code, message);
        }
    }
}
