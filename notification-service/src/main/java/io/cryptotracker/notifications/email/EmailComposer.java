package io.cryptotracker.notifications.email;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.cryptotracker.notifications.inbox.NotificationText;
import org.springframework.web.util.HtmlUtils;

/**
 * The content of notification emails: plain text with an HTML alternative of the same content, no links (nothing to
 * phish with, nothing to track) and no images, times in the user's timezone. One notification makes a single email;
 * several make one digest listing them all.
 */
final class EmailComposer {

    static final String FOOTER = "You get these emails because email notifications are on in your CryptoTracker "
            + "preferences. Turn them off there, or set quiet hours to hold them back at night.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** A digest lists at most this many (the oldest); the rest are counted. */
    static final int DIGEST_LINES = 50;

    private static final String CELL = "<td style=\"padding:2px 12px 2px 0\">";

    private EmailComposer() {
    }

    record Email(String subject, String text, String html) {
    }

    static Email single(PendingEmail item, ZoneId zone) {
        String[][] rows = { { "Kind", NotificationText.kindLabel(item.kind()) }, { "Symbol", item.symbol() },
                { "Spread", NotificationText.percent(item.spreadPercent()) },
                { "Detected", time(item.createdAt(), zone) } };
        StringBuilder text = new StringBuilder(item.title()).append("\n\n");
        StringBuilder html = new StringBuilder("<p><strong>").append(escape(item.title())).append("</strong></p><table>");
        for (String[] row : rows) {
            text.append(row[0]).append(": ").append(row[1]).append('\n');
            html.append("<tr>").append(CELL).append(escape(row[0])).append("</td>").append(CELL)
                    .append(escape(row[1])).append("</td></tr>");
        }
        text.append('\n').append(item.body()).append("\n\n-- \n").append(FOOTER).append('\n');
        html.append("</table><p>").append(escape(item.body())).append("</p>");
        return new Email("CryptoTracker: " + item.title(), text.toString(), document(html));
    }

    static Email digest(List<PendingEmail> items, ZoneId zone) {
        String intro = items.size() + " new signals matched your preferences:";
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<p><strong>").append(escape(intro)).append("</strong></p><table>")
                .append("<tr>").append(CELL).append("Detected</td>").append(CELL).append("Kind</td>").append(CELL)
                .append("Symbol</td>").append(CELL).append("Spread</td>").append(CELL).append("</td></tr>");
        for (PendingEmail item : items.subList(0, Math.min(items.size(), DIGEST_LINES))) {
            String detected = time(item.createdAt(), zone);
            String kind = NotificationText.kindLabel(item.kind());
            String spread = NotificationText.percent(item.spreadPercent());
            text.append("- ").append(detected).append("  ").append(kind).append("  ").append(item.symbol())
                    .append("  spread ").append(spread).append('\n').append("  ").append(item.body()).append('\n');
            html.append("<tr>");
            for (String cell : new String[] { detected, kind, item.symbol(), spread, item.body() }) {
                html.append(CELL).append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
        if (items.size() > DIGEST_LINES) {
            String more = "... and " + (items.size() - DIGEST_LINES) + " more: see your notification history.";
            text.append(more).append('\n');
            html.append("<p>").append(escape(more)).append("</p>");
        }
        text.append("\n-- \n").append(FOOTER).append('\n');
        return new Email("CryptoTracker: " + items.size() + " new signals", text.toString(), document(html));
    }

    private static String document(StringBuilder content) {
        return "<html><body style=\"font-family:sans-serif\">" + content + "<hr><p style=\"color:#666\">"
                + escape(FOOTER) + "</p></body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
