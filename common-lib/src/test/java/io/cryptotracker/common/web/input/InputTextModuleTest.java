package io.cryptotracker.common.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.web.FieldError;
import io.cryptotracker.common.web.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class InputTextModuleTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new InputTextModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    record Quote(String displayName, List<String> symbols, Instant expiresAt, int size) {
    }

    @Test
    void textsWithNulControlCharactersOrLoneSurrogatesAreRefusedAndTheReplacementCharacterKept() {
        assertThat(InputText.isValid("BTC/USDT \t\n\r € 😀 \uFFFD")).isTrue();
        assertThat(InputText.isValid("a\u0000b")).isFalse();
        assertThat(InputText.isValid("a\u001Bb")).isFalse();
        assertThat(InputText.isValid("a\uD800b")).isFalse();
        assertThat(InputText.isValid("a\uDC00")).isFalse();
        assertThat(InputText.scrub("a\u0000b\uD800😀")).isEqualTo("a\uFFFDb\uFFFD😀");
    }

    @Test
    void aRefusedStringIsNamedByItsJsonPath() {
        assertThat(errorsOf("{\"display_name\": \"Ann\\u0000\"}", Quote.class))
                .containsExactly(new FieldError("display_name", InputText.INVALID));
        assertThat(errorsOf("{\"symbols\": [\"BTC\", \"ETH\\ud800\"]}", Quote.class))
                .containsExactly(new FieldError("symbols[1]", InputText.INVALID));
        assertThat(errorsOf("{\"a\": {\"b\": [1, \"x\\u0000\"]}}", JsonNode.class))
                .containsExactly(new FieldError("a.b[1]", InputText.INVALID));
    }

    @Test
    void numbersAndTimesOutOfRangeAreNamedByTheirJsonPath() {
        assertThat(errorsOf("{\"size\": 1e18}", Quote.class)).extracting(FieldError::field).containsExactly("size");
        assertThat(errorsOf("{\"size\": 123456789012345678901234567890}", Quote.class))
                .containsExactly(new FieldError("size", "is out of range"));
        assertThat(errorsOf("{\"expires_at\": \"+1000000000-01-01T00:00:00Z\"}", Quote.class))
                .containsExactly(new FieldError("expires_at", StorableTime.OUT_OF_RANGE));
        assertThat(errorsOf("{\"expires_at\": 1e18}", Quote.class)).extracting(FieldError::field)
                .containsExactly("expires_at");
    }

    @Test
    void validInputPasses() {
        Quote quote = json.readValue("{\"display_name\": \"Ann \\uFFFD\", \"symbols\": [\"BTC\"], "
                + "\"expires_at\": \"2026-12-31T00:00:00Z\", \"size\": 3}", Quote.class);

        assertThat(quote.displayName()).isEqualTo("Ann \uFFFD");
        assertThat(quote.expiresAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    }

    private List<FieldError> errorsOf(String body, Class<?> type) {
        Throwable thrown = catchThrowable(() -> json.readValue(body, type));
        assertThat(thrown).isNotNull();
        return Problems.bodyErrors(thrown);
    }
}
