package io.cryptotracker.notifications.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.retry.RetryBackOff;
import io.cryptotracker.common.scheduling.ClusterJobs;
import io.cryptotracker.notifications.users.Preferences;
import io.cryptotracker.notifications.users.UserDirectory;
import io.cryptotracker.notifications.users.UserView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the email queue, on one replica at a time ({@link ClusterJobs}). Per user whose first pending notification
 * has waited the batch window:
 * <ul>
 * <li>not VIP any more, or the email channel off: the pending notifications are skipped (never sent);</li>
 * <li>in quiet hours (the user's timezone): held until they end, nothing dropped; no address known yet
 * ({@code UserRegistered} not seen): held a few minutes;</li>
 * <li>the hourly rate used up: held until the hour allows another email;</li>
 * <li>{@code digestAfter} or more pending, or more than the rate still allows: one digest of all of them;
 * otherwise one email each.</li>
 * </ul>
 * A notification is marked sent only after the SMTP server accepted its email. An SMTP failure counts in
 * {@code notifications_email_failures_total}, leaves the user's notifications pending with a growing retry wait and
 * ends the round (the server is likely down for everyone). A recipient the server refuses (or an address that cannot
 * be one) is not retried: its notifications are marked {@code REJECTED}.
 */
public class EmailDispatcher {

    static final String JOB = "notification-service.email-dispatch";
    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int USERS_PER_ROUND = 500;
    private static final Duration ADDRESS_WAIT = Duration.ofMinutes(5);

    private final EmailQueue queue;
    private final UserDirectory users;
    private final JavaMailSender mail;
    private final ClusterJobs jobs;
    private final EmailProperties properties;
    private final RetryBackOff retryBackOff;
    private final Clock clock;
    private final Counter singles;
    private final Counter digests;
    private final Counter failures;

    EmailDispatcher(EmailQueue queue, UserDirectory users, JavaMailSender mail, ClusterJobs jobs,
            EmailProperties properties, Clock clock, MeterRegistry meters) {
        this.queue = queue;
        this.users = users;
        this.mail = mail;
        this.jobs = jobs;
        this.properties = properties;
        this.retryBackOff = RetryBackOff.doubling(properties.retryBackoff(), properties.maxRetryBackoff());
        this.clock = clock;
        this.singles = sent(meters, "single");
        this.digests = sent(meters, "digest");
        this.failures = Counter.builder("notifications.email.failures")
                .description("Emails the SMTP server did not accept (they are retried)").register(meters);
        Gauge.builder("notifications.email.pending", this, EmailDispatcher::pendingOrNaN)
                .description("Notifications waiting on the email queue").register(meters);
    }

    private static Counter sent(MeterRegistry meters, String kind) {
        return Counter.builder("notifications.email.sent").tag("kind", kind)
                .description("Emails the SMTP server accepted").register(meters);
    }

    @Scheduled(initialDelayString = "${notifications.email.poll-interval:PT10S}",
            fixedDelayString = "${notifications.email.poll-interval:PT10S}")
    void scheduled() {
        try {
            dispatch();
        }
        catch (RuntimeException ex) {
            log.warn("Email round failed, retried next round: {}", ex.getClass().getSimpleName());
        }
    }

    /** One round; false when another replica is running it. */
    public boolean dispatch() {
        return jobs.runExclusively(JOB, this::round);
    }

    private void round() {
        Instant now = clock.instant();
        for (UUID userId : queue.dueUsers(now, properties.batchWindow(), USERS_PER_ROUND)) {
            if (!sendTo(userId, now)) {
                return;
            }
        }
    }

    /** @return false after an SMTP failure */
    private boolean sendTo(UUID userId, Instant now) {
        Optional<UserView> found = users.find(userId);
        if (found.isEmpty() || !found.get().vip() || !found.get().prefs().channels().email()) {
            int skipped = queue.skipAll(userId);
            log.debug("Skipped {} emails of a user who no longer gets email", skipped);
            return true;
        }
        UserView user = found.get();
        Preferences prefs = user.prefs();
        if (user.email() == null) {
            queue.holdUntil(userId, now.plus(ADDRESS_WAIT)); // UserRegistered not seen yet
            return true;
        }
        if (prefs.quietAt(now)) {
            queue.holdUntil(userId, prefs.quietUntil(now));
            return true;
        }
        Instant hourAgo = now.minus(Duration.ofHours(1));
        int allowance = properties.maxPerHour() - queue.sentSince(userId, hourAgo);
        if (allowance <= 0) {
            queue.holdUntil(userId, queue.firstSentSince(userId, hourAgo).map(first -> first.plus(Duration.ofHours(1)))
                    .orElse(now.plus(properties.batchWindow())));
            return true;
        }
        List<PendingEmail> pending = queue.pending(userId);
        if (pending.isEmpty()) {
            return true;
        }
        if (pending.size() >= properties.digestAfter() || pending.size() > allowance) {
            return send(user, pending, EmailComposer.digest(pending, prefs.zone()), "digest", digests, now);
        }
        for (PendingEmail item : pending) {
            if (!send(user, List.of(item), EmailComposer.single(item, prefs.zone()), "single", singles, now)) {
                return false;
            }
        }
        return true;
    }

    /** @return false after an SMTP failure (the round stops); true when sent or refused for this recipient */
    private boolean send(UserView user, List<PendingEmail> items, EmailComposer.Email email, String kind,
            Counter counter, Instant now) {
        List<UUID> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add(item.notificationId()));
        try {
            new InternetAddress(user.email(), true).validate();
        }
        catch (AddressException ex) {
            return rejected(ids);
        }
        try {
            mail.send(message(user.email(), email));
        }
        catch (MailException | MessagingException ex) {
            if (recipientRejected(ex)) {
                return rejected(ids);
            }
            failures.increment();
            int attempts = items.stream().mapToInt(PendingEmail::attempts).max().orElse(0);
            Instant retryAt = now.plus(retryBackOff.pauseAfter(attempts));
            queue.failed(ids, retryAt);
            log.warn("SMTP did not accept an email ({}), {} notifications retried after {}",
                    ex.getClass().getSimpleName(), ids.size(), retryAt);
            return false;
        }
        queue.sent(user.id(), ids, kind, now);
        counter.increment();
        return true;
    }

    /** The server refused this recipient (or the address cannot be one): retrying cannot help. */
    private boolean rejected(List<UUID> ids) {
        failures.increment();
        queue.rejected(ids);
        log.warn("The user's email address was refused, {} notifications will not be emailed", ids.size());
        return true;
    }

    static boolean recipientRejected(Exception ex) {
        if (ex instanceof MailSendException send) {
            for (Exception failure : send.getFailedMessages().values()) {
                if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Plain text with an HTML alternative. */
    private MimeMessage message(String to, EmailComposer.Email email) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        return message;
    }

    private double pendingOrNaN() {
        try {
            return queue.pendingCount();
        }
        catch (RuntimeException ex) {
            return Double.NaN;
        }
    }
}
