package io.cryptotracker.signals.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.signals.config.SignalsProperties;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalSource;
import io.cryptotracker.signals.store.SignalStatus;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every channel post ends up stored: parsed into signals (the n-th signal of a post stays the n-th on an edit, so an
 * edit updates it), or unparsed with the reason. A post delivered twice changes nothing the second time. A new
 * signal closes the OPEN ones of the same kind and coin from the channel's earlier posts.
 */
@Service
public class TelegramIngest {

    private static final Logger log = LoggerFactory.getLogger(TelegramIngest.class);

    private final PostParser parser;
    private final TelegramMessages messages;
    private final SignalStore store;
    private final SignalLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final SignalsProperties properties;

    public TelegramIngest(PostParser parser, TelegramMessages messages, SignalStore store, SignalLifecycle lifecycle,
            TransactionTemplate transactions, SignalsProperties properties) {
        this.parser = parser;
        this.messages = messages;
        this.store = store;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** @return the ids of the post's signals after this delivery */
    public List<UUID> receive(TelegramPost post) {
        return transactions.execute(status -> {
            Instant now = lifecycle.now();
            TelegramMessages.Stored stored = messages.lockOrCreate(post, now);
            boolean seen = stored.lastUpdateId() >= 0;
            if (seen && (post.updateId() <= stored.lastUpdateId()
                    || (Objects.equals(textOf(post), stored.text())))) {
                messages.touch(stored.id(), post.updateId());
                return stored.signalIds();
            }
            ParseResult result = post.unreadable() != null ? null : parser.parse(textOf(post));
            if (post.unreadable() != null) {
                result = ParseResult.unparsed(post.unreadable());
            }
            else if (post.text() == null) {
                result = ParseResult.unparsed("post without text");
            }
            List<UUID> ids = apply(post, result, stored.signalIds(), now);
            messages.save(stored.id(), post, result.parsed() ? "PARSED" : "UNPARSED", result.reason(), ids);
            log.info("Telegram post {}/{} {}: {} signal(s){}", post.chatId(), post.messageId(),
                    seen ? "edited" : "received", ids.size(), result.reason() == null ? "" : ", " + result.reason());
            return ids;
        });
    }

    private List<UUID> apply(TelegramPost post, ParseResult result, List<UUID> previous, Instant now) {
        List<UUID> ids = new ArrayList<>();
        Instant expiresAt = now.plus(properties.telegramTtl());
        List<ParsedSignal> signals = result.signals();
        for (int i = 0; i < signals.size(); i++) {
            ParsedSignal parsed = signals.get(i);
            SignalData draft = new SignalData(UUID.randomUUID(), parsed.kind(), parsed.symbol(),
                    parsed.spreadPercent(), parsed.spreadPercent(), null, null, SignalSource.TELEGRAM.name(), null,
                    null, null, parsed.spotFutures(), parsed.funding(), parsed.dex(), null);
            Optional<StoredSignal> before = i < previous.size() ? store.findForUpdate(previous.get(i))
                    : Optional.empty();
            boolean open = before.isPresent() && SignalStatus.OPEN.name().equals(before.get().data().status());
            if (open && before.get().data().kind().equals(parsed.kind())
                    && before.get().data().symbol().equals(parsed.symbol())) {
                ids.add(lifecycle.update(before.get(), draft, expiresAt).id());
                continue;
            }
            if (open) {
                lifecycle.close(before.get());
            }
            closeEarlierPostsOf(post, parsed);
            ids.add(lifecycle.open(draft, venueKey(post, i), expiresAt).id());
        }
        for (int i = signals.size(); i < previous.size(); i++) {
            store.findForUpdate(previous.get(i))
                    .filter(signal -> SignalStatus.OPEN.name().equals(signal.data().status()))
                    .ifPresent(lifecycle::close);
        }
        return ids;
    }

    /** A later post of the channel about the same kind and coin supersedes the signals of its earlier posts. */
    private void closeEarlierPostsOf(TelegramPost post, ParsedSignal parsed) {
        String thisPost = "tg:" + post.chatId() + ":" + post.messageId() + ":";
        SignalKind.fromApiName(parsed.kind()).ifPresent(kind -> store
                .openWithKeyPrefix(kind, parsed.symbol(), "tg:" + post.chatId() + ":").stream()
                .filter(signal -> !signal.venueKey().startsWith(thisPost))
                .filter(signal -> messageIdOf(signal.venueKey()) < post.messageId())
                .forEach(lifecycle::close));
    }

    private static long messageIdOf(String venueKey) {
        String[] parts = venueKey.split(":");
        try {
            return parts.length > 2 ? Long.parseLong(parts[2]) : Long.MAX_VALUE;
        }
        catch (NumberFormatException ex) {
            return Long.MAX_VALUE;
        }
    }

    private static String venueKey(TelegramPost post, int index) {
        return "tg:" + post.chatId() + ":" + post.messageId() + ":" + index;
    }

    private static String textOf(TelegramPost post) {
        return post.text() == null ? "" : post.text();
    }
}
