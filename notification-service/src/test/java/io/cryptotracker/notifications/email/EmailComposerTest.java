package io.cryptotracker.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class EmailComposerTest {

    static PendingEmail item(String symbol, String spread, String body) {
        return new PendingEmail(UUID.randomUUID(), "mexc-dex", symbol, new BigDecimal(spread),
                "MEXC/DEX " + symbol + ": " + spread + "% spread", body, Instant.parse("2026-11-24T22:30:00Z"), 0);
    }

    @Test
    void aSingleEmailNamesKindSymbolSpreadAndTheLocalTime() {
        EmailComposer.Email email = EmailComposer.single(item("PEPE/USDT", "3.1", "Buy on uniswap (ethereum)."),
                ZoneId.of("Asia/Tokyo"));

        assertThat(email.subject()).isEqualTo("CryptoTracker: MEXC/DEX PEPE/USDT: 3.1% spread");
        assertThat(email.text()).contains("Kind: MEXC/DEX", "Symbol: PEPE/USDT", "Spread: 3.1%",
                "Detected: 2026-11-25 07:30 (Asia/Tokyo)", "Buy on uniswap (ethereum).", EmailComposer.FOOTER);
        assertThat(email.html()).contains("PEPE/USDT", "2026-11-25 07:30").doesNotContain("http", "<a ");
    }

    @Test
    void htmlEscapesWhatCameFromOutside() {
        EmailComposer.Email email = EmailComposer.digest(List.of(item("X<b>/USDT", "2", "<script>x</script>"),
                item("Y/USDT", "2.5", "fine")), ZoneId.of("UTC"));

        assertThat(email.subject()).isEqualTo("CryptoTracker: 2 new signals");
        assertThat(email.html()).contains("X&lt;b&gt;/USDT", "&lt;script&gt;").doesNotContain("<script>", "<b>/");
        assertThat(email.text()).contains("- 2026-11-24 22:30 (UTC)  MEXC/DEX  Y/USDT  spread 2.5%");
    }

    @Test
    void aLongDigestListsTheFirstFiftyAndCountsTheRest() {
        List<PendingEmail> many = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> item("C" + i + "/USDT", "2", "fine")).toList();

        EmailComposer.Email email = EmailComposer.digest(many, ZoneId.of("UTC"));

        assertThat(email.subject()).isEqualTo("CryptoTracker: 120 new signals");
        assertThat(email.text()).contains("C49/USDT", "... and 70 more").doesNotContain("C50/USDT");
        assertThat(email.html()).contains("C49/USDT", "... and 70 more").doesNotContain("C50/USDT");
    }

    @Test
    void onlyARefusedRecipientCountsAsRejected() throws Exception {
        InternetAddress[] none = new InternetAddress[0];
        SendFailedException refused = new SendFailedException("550 no such user", null, none, none,
                new InternetAddress[] { new InternetAddress("gone@example.com") });
        SendFailedException otherwise = new SendFailedException("451 try later", null, none, none, none);

        assertThat(EmailDispatcher.recipientRejected(new MailSendException(Map.of(new Object(), refused)))).isTrue();
        assertThat(EmailDispatcher.recipientRejected(new MailSendException(Map.of(new Object(), otherwise))))
                .isFalse();
        assertThat(EmailDispatcher.recipientRejected(new MailSendException("Mail server connection failed")))
                .isFalse();
    }
}
