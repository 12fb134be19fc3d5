package io.cryptotracker.notifications.realtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import io.cryptotracker.notifications.inbox.NotificationIds;
import io.netty.buffer.ByteBuf;

/**
 * Writes {@link NotificationIds#of(UUID, UUID)} – the name-based UUID of {@code userId + ":" + eventId} – straight into
 * a frame as 36 ASCII characters, with one reused digest per event loop: the socket's notification frame carries the
 * same id as the stored notification without a digest lookup, string or UUID per delivery. Not thread-safe.
 */
final class NotificationIdWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest md5;
    private final byte[] hash = new byte[16];

    NotificationIdWriter() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("MD5 not supported", ex);
        }
    }

    /** {@code "<userId>:"} as bytes, kept per socket. */
    static byte[] userPrefix(UUID userId) {
        return (userId + ":").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code eventId} as bytes, kept per frame. */
    static byte[] eventBytes(UUID eventId) {
        return eventId.toString().getBytes(StandardCharsets.UTF_8);
    }

    void write(ByteBuf out, byte[] userPrefix, byte[] eventBytes) {
        md5.update(userPrefix);
        md5.update(eventBytes);
        try {
            md5.digest(hash, 0, 16);
        }
        catch (java.security.DigestException ex) {
            throw new IllegalStateException(ex);
        }
        hash[6] &= 0x0f;
        hash[6] |= 0x30; // version 3, as UUID.nameUUIDFromBytes
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80; // IETF variant
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out.writeByte('-');
            }
            out.writeByte(HEX[(hash[i] >> 4) & 0x0f]);
            out.writeByte(HEX[hash[i] & 0x0f]);
        }
    }
}
