package io.cryptotracker.notifications.realtime;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Whole server-to-client WebSocket frames as bytes (header and payload, unmasked as RFC 6455 wants from a server), so
 * one encoding of an event is written to every socket as is: no per-socket JSON, copy or frame encoder.
 */
final class FrameBytes {

    private static final int FIN_TEXT = 0x81;
    private static final int FIN_PING = 0x89;

    /** A ping without payload: written to every socket by the keep-alive tick. */
    static final ByteBuf PING = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(2).writeByte(FIN_PING).writeByte(0)).asReadOnly();

    private FrameBytes() {
    }

    /** A text frame holding {@code payload}, in a direct buffer (sockets write direct memory without a copy). */
    static ByteBuf text(byte[] payload) {
        ByteBuf frame = Unpooled.directBuffer(headerLength(payload.length) + payload.length);
        writeHeader(frame, payload.length);
        return frame.writeBytes(payload);
    }

    static int headerLength(int payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : 10;
    }

    static void writeHeader(ByteBuf frame, int payloadLength) {
        frame.writeByte(FIN_TEXT);
        if (payloadLength < 126) {
            frame.writeByte(payloadLength);
        }
        else if (payloadLength < 65536) {
            frame.writeByte(126).writeShort(payloadLength);
        }
        else {
            frame.writeByte(127).writeLong(payloadLength);
        }
    }
}
