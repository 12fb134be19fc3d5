package io.cryptotracker.notifications.email;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.cryptotracker.notifications.inbox.NotificationText;

/**
 * The text of notification emails: plain text, no links (nothing to phish with, nothing to track), times in the
 * user's timezone. One notification makes a single email; several make one digest listing them all.
 */
final class EmailComposer {

    static final String FOOTER = "\n\n-- \nYou get these emails because email notifications are on in your "
            + "CryptoTracker preferences.\nTurn them off there, or set quiet hours to hold them back at night.\n";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EmailComposer() {
    }

    record Email(String subject, String text) {
    }

    static Email single(PendingEmail item, ZoneId zone) {
        String text = item.title() + "\n\n" + line("Kind", NotificationText.kindLabel(item.kind()))
                + line("Symbol", item.symbol()) + line("Spread", NotificationText.percent(item.spreadPercent()))
                + line("Detected", time(item.createdAt(), zone)) + "\n" + item.body() + FOOTER;
        return new Email("CryptoTracker: " + item.title(), text);
    }

    static Email digest(List<PendingEmail> items, ZoneId zone) {
        StringBuilder text = new StringBuilder(items.size() + " new signals matched your preferences:\n\n");
        for (PendingEmail item : items) {
            text.append("- ").append(time(item.createdAt(), zone)).append("  ")
                    .append(NotificationText.kindLabel(item.kind())).append("  ").append(item.symbol())
                    .append("  spread ").append(NotificationText.percent(item.spreadPercent())).append('\n')
                    .append("  ").append(item.body()).append('\n');
        }
        return new Email("CryptoTracker: " + items.size() + " new signals", text.append(FOOTER.substring(1)).toString());
    }

    private static String line(String label, String value) {
        return label + ": " + value + "\n";
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
