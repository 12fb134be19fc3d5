package io.cryptotracker.common.web.input;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * The services speak JSON only: the YAML, XML, CBOR and Smile converters Spring registers when their Jackson
 * formats happen to be on the classpath (Eureka and springdoc bring some) are removed, so such a body on a JSON
 * endpoint is a 415 instead of being read.
 */
public final class JsonOnlyConverters {

    private static final List<String> FOREIGN = List.of("yaml", "xml", "cbor", "smile");

    private JsonOnlyConverters() {
    }

    /** Whether the converter reads or writes one of the formats we do not speak. */
    public static boolean isForeign(List<MediaType> supported) {
        return supported.stream().map(type -> type.getSubtype().toLowerCase(Locale.ROOT))
                .anyMatch(subtype -> FOREIGN.stream().anyMatch(subtype::contains));
    }

    public static void removeForeign(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> isForeign(converter.getSupportedMediaTypes()));
    }
}
