package io.cryptotracker.users.preferences;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.users.audit.RequestOrigins;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The caller's notification preferences. PUT takes any subset of the fields and answers the complete result; the
 * body is read as a JSON tree so absent and null fields differ and every bad value is a 400 naming its field.
 */
@RestController
@RequestMapping("/api/v1/users/me/preferences")
class PreferencesController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final PreferenceChanges preferences;
    private final RequestOrigins origins;

    PreferencesController(PreferenceChanges preferences, RequestOrigins origins) {
        this.preferences = preferences;
        this.origins = origins;
    }

    @GetMapping
    PreferencesResponse get(@AuthenticationPrincipal AuthenticatedUser user) {
        return PreferencesResponse.of(preferences.current(user));
    }

    @PutMapping
    PreferencesResponse put(@AuthenticationPrincipal AuthenticatedUser user, @RequestBody JsonNode body,
            HttpServletRequest request) {
        PreferencesPatch patch = PreferencesPatch.parse(body);
        return PreferencesResponse.of(preferences.change(user, patch, origins.of(request)));
    }

    /** The preferences as the API shows them; quiet hours as {@code HH:mm}, null when not set. */
    record PreferencesResponse(Preferences.Channels channels, List<String> kinds, BigDecimal minSpreadPercent,
            List<String> symbolsAllow, List<String> symbolsDeny, QuietHours quietHours, String timezone) {

        static PreferencesResponse of(Preferences p) {
            return new PreferencesResponse(p.channels(), p.kinds(), p.minSpreadPercent(), p.symbolsAllow(),
                    p.symbolsDeny(), p.quietHours() == null ? null
                            : new QuietHours(HH_MM.format(p.quietHours().start()), HH_MM.format(p.quietHours().end())),
                    p.timezone());
        }
    }

    record QuietHours(String start, String end) {
    }
}
