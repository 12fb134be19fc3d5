package io.cryptotracker.signals.telegram;

import java.time.Instant;

/**
 * A channel post as the Bot API delivers it ({@code channel_post} or {@code edited_channel_post}).
 *
 * @param text the post's text or a media post's caption; null when it has neither
 */
public record TelegramPost(long updateId, long chatId, String chatTitle, long messageId, String text,
        Instant postedAt, Instant editedAt) {
}
