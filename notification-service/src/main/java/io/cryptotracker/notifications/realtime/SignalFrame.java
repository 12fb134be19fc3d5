package io.cryptotracker.notifications.realtime;

import java.time.Instant;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.symbols.Symbols;
import io.cryptotracker.common.symbols.TradingPair;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One signal event, encoded once as a whole WebSocket text frame ({@link #bytes}) that every socket gets a duplicate
 * of, with the few fields the per-socket filters read. A {@code created} event also carries the shared parts of the
 * {@code notification} frame, which differs per user only in its id and two flags.
 */
final class SignalFrame {

    final long seq;
    final String event;
    final UUID eventId;
    final byte[] eventIdBytes;
    final String kind;
    /** Null when the signal's symbol is none the rules read. */
    final TradingPair symbol;
    final double spreadPercent;
    final long occurredAtMicros;
    /** What the frame tells happened ({@link SignalFrames#eventTime}), in microseconds; 0 when unknown. */
    final long eventTimeMicros;
    final SignalData data;
    /** The whole frame; one reference is the history's, each queued delivery batch takes one more. */
    final ByteBuf bytes;
    /** Null unless {@code created}. */
    final NotificationParts notification;
    /**
     * Read again at start to refill the history (older than this replica's consumer): kept for {@code resume}, not
     * sent live. Set by the LIVE consumer before the frame is published.
     */
    boolean refill;

    /** A frame whose event time is the event's own. */
    SignalFrame(long seq, String event, UUID eventId, Instant occurredAt, SignalData data, ByteBuf bytes,
            NotificationParts notification) {
        this(seq, event, eventId, occurredAt, occurredAt, data, bytes, notification);
    }

    SignalFrame(long seq, String event, UUID eventId, Instant occurredAt, Instant eventTime, SignalData data,
            ByteBuf bytes, NotificationParts notification) {
        this.seq = seq;
        this.event = event;
        this.eventId = eventId;
        this.eventIdBytes = NotificationIdWriter.eventBytes(eventId);
        this.kind = data.kind();
        this.symbol = Symbols.parse(data.symbol()).orElse(null);
        this.spreadPercent = data.spreadPercent() == null ? 0 : data.spreadPercent().doubleValue();
        this.occurredAtMicros = micros(occurredAt);
        this.eventTimeMicros = micros(eventTime);
        this.data = data;
        this.bytes = bytes;
        this.notification = notification;
    }

    static long micros(Instant time) {
        return time == null ? 0 : time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    }

    /** min_spread applies to created and updated only: a closing or deleted signal is news whatever its spread. */
    boolean spreadFiltered() {
        return "created".equals(event) || "updated".equals(event);
    }

    /**
     * The {@code notification} frame of a created signal, split around the notification id (36 ASCII characters,
     * the only per-user part besides the two flags): {@code head[flags] + id + tail[flags]}, flags = browser*2 + sound.
     */
    record NotificationParts(byte[][] head, byte[][] tail) {

        static final int ID_LENGTH = 36;

        ByteBuf frame(ByteBufAllocator alloc, NotificationIdWriter ids, byte[] userPrefix, byte[] eventId,
                boolean browser, boolean sound) {
            int flags = (browser ? 2 : 0) + (sound ? 1 : 0);
            byte[] h = head[flags];
            byte[] t = tail[flags];
            ByteBuf frame = alloc.directBuffer(h.length + ID_LENGTH + t.length);
            frame.writeBytes(h);
            ids.write(frame, userPrefix, eventId);
            return frame.writeBytes(t);
        }
    }
}
