package io.cryptotracker.signals.telegram;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A channel post as the Bot API delivers it ({@code channel_post} or {@code edited_channel_post}).
 *
 * @param text the post's text or a media post's caption; null when it has neither
 */
public record TelegramPost(long updateId, long chatId, String chatTitle, long messageId, String text,
        Instant postedAt, Instant editedAt) {

    /** The channel post of an update, or null for other updates and ones without the ids a post needs. */
    public static TelegramPost from(JsonNode update) {
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()) {
            return null;
        }
        JsonNode message = update.has("edited_channel_post") ? update.get("edited_channel_post")
                : update.get("channel_post");
        if (message == null || !message.isObject() || !message.path("message_id").canConvertToLong()
                || !message.path("chat").path("id").canConvertToLong()) {
            return null;
        }
        JsonNode text = message.has("text") ? message.get("text") : message.get("caption");
        long date = message.path("date").canConvertToLong() ? message.path("date").asLong() : 0;
        JsonNode edited = message.get("edit_date");
        return new TelegramPost(update.get("update_id").asLong(), message.path("chat").path("id").asLong(),
                message.path("chat").path("title").isString() ? message.path("chat").path("title").asString() : null,
                message.get("message_id").asLong(), text != null && text.isString() ? text.asString() : null,
                date > 0 ? Instant.ofEpochSecond(date) : Instant.now(),
                edited != null && edited.canConvertToLong() ? Instant.ofEpochSecond(edited.asLong()) : null);
    }
}
