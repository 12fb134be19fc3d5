package io.cryptotracker.notifications.users;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of {@link Preferences} in {@code user_projection.prefs} (jsonb, snake_case like the API). */
final class PreferencesJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PreferencesJson() {
    }

    static String write(Preferences prefs) {
        return MAPPER.writeValueAsString(prefs);
    }

    static Preferences read(String json) {
        return MAPPER.readValue(json, Preferences.class);
    }
}
