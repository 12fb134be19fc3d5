package io.cryptotracker.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of a service's log, readable in a terminal: structured (ECS JSON) lines become
 * {@code time LEVEL logger - message} plus the error's type and message, without the stack trace.
 */
final class LogTail {

    private static final int MAX_LINE = 1500;
    private static final int READ_BYTES = 512 * 1024;

    private LogTail() {
    }

    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            long length = reader.length();
            long from = Math.max(0, length - READ_BYTES);
            reader.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            reader.readFully(bytes);
            Deque<String> last = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                last.addLast(readable(line));
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join("\n", last);
        }
        catch (IOException ex) {
            return "(could not read " + file + ": " + ex.getMessage() + ")";
        }
    }

    static String readable(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return shorten(line);
        }
        try {
            JsonNode event = JsonMapper.shared().readTree(trimmed);
            if (!event.has("message")) {
                return shorten(line);
            }
            String time = event.path("@timestamp").asString("");
            time = time.length() >= 23 ? time.substring(11, 23) : time;
            StringBuilder text = new StringBuilder()
                    .append(time).append(' ')
                    .append(event.path("log").path("level").asString("")).append(' ')
                    .append(event.path("log").path("logger").asString("")).append(" - ")
                    .append(event.path("message").asString(""));
            JsonNode error = event.path("error");
            if (error.has("type") || error.has("message")) {
                text.append("\n    ").append(error.path("type").asString(""))
                        .append(": ").append(error.path("message").asString(""));
            }
            return shorten(text.toString());
        }
        catch (JacksonException ex) {
            return shorten(line);
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE) + " [...]";
    }
}
