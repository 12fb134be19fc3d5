package io.cryptotracker.signals.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.common.web.input.InputText;
import tools.jackson.databind.JsonNode;

/**
 * A channel post as the Bot API delivers it ({@code channel_post} or {@code edited_channel_post}).
 *
 * @param text the post's text or a media post's caption; null when it has neither
 * @param unreadable why the post cannot be parsed although it has ids (a NUL in its text or title, a date out of
 *        range), null when it can; such a post is kept unparsed with this reason, its text and title with the
 *        offending characters replaced by U+FFFD, and Telegram still gets its 200 (it retries anything else)
 */
public record TelegramPost(long updateId, long chatId, String chatTitle, long messageId, String text,
        Instant postedAt, Instant editedAt, String unreadable) {

    /** 9999-12-31T23:59:59Z: later dates (Telegram sends Unix seconds) are no real post's and PostgreSQL's limit. */
    static final long LATEST_DATE = 253_402_300_799L;

    public TelegramPost(long updateId, long chatId, String chatTitle, long messageId, String text, Instant postedAt,
            Instant editedAt) {
        this(updateId, chatId, chatTitle, messageId, text, postedAt, editedAt, null);
    }

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
        List<String> problems = new ArrayList<>();
        JsonNode textNode = message.has("text") ? message.get("text") : message.get("caption");
        String text = readable(textNode != null && textNode.isString() ? textNode.asString() : null, "text",
                problems);
        JsonNode titleNode = message.path("chat").path("title");
        String title = readable(titleNode.isString() ? titleNode.asString() : null, "chat title", problems);
        Instant postedAt = time(message.get("date"), "date", problems);
        Instant editedAt = time(message.get("edit_date"), "edit_date", problems);
        return new TelegramPost(update.get("update_id").asLong(), message.path("chat").path("id").asLong(), title,
                message.get("message_id").asLong(), text, postedAt == null ? Instant.now() : postedAt, editedAt,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static String readable(String value, String name, List<String> problems) {
        if (InputText.isValid(value)) {
            return value;
        }
        problems.add(name + " contains NUL, control characters or unpaired surrogates");
        return InputText.scrub(value);
    }

    /** Unix seconds, or null when absent, zero or (with a problem noted) not a time we can store. */
    private static Instant time(JsonNode seconds, String name, List<String> problems) {
        if (seconds == null || seconds.isNull()) {
            return null;
        }
        if (!seconds.canConvertToLong() || seconds.asLong() < 0 || seconds.asLong() > LATEST_DATE) {
            problems.add(name + " is not a time (Unix seconds up to year 9999)");
            return null;
        }
        return seconds.asLong() == 0 ? null : Instant.ofEpochSecond(seconds.asLong());
    }
}
