package io.cryptotracker.notifications.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.cryptotracker.notifications.inbox.NotificationIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The socket writes the very id the stored notification gets ({@link NotificationIds#of}). */
class NotificationIdWriterTest {

    @Test
    void writesTheSameIdAsTheStoredNotification() {
        NotificationIdWriter writer = new NotificationIdWriter();
        for (int i = 0; i < 1000; i++) {
            UUID user = UUID.randomUUID();
            UUID event = UUID.randomUUID();
            ByteBuf out = Unpooled.buffer(36);
            writer.write(out, NotificationIdWriter.userPrefix(user), NotificationIdWriter.eventBytes(event));
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(NotificationIds.of(user, event).toString());
        }
    }
}
