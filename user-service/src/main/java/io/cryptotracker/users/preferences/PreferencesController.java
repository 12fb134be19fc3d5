package io.cryptotracker.users.preferences;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.users.audit.RequestOrigins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's notification preferences. PUT takes any subset of the fields ({@link PreferencesChange}) and answers
 * the complete result; every bad value is a 400 naming its field.
 */
@RestController
@Tag(name = "Preferences")
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
    @Operation(operationId = "getPreferences", summary = "The caller's notification preferences")
    PreferencesResponse get(@AuthenticationPrincipal AuthenticatedUser user) {
        return PreferencesResponse.of(preferences.current(user));
    }

    @PutMapping
    @Operation(operationId = "updatePreferences", summary = "Change the fields given; absent ones stay, quiet_hours null clears")
    PreferencesResponse put(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody PreferencesChange body,
            HttpServletRequest request) {
        return PreferencesResponse.of(preferences.change(user, body, origins.of(request)));
    }

    /** The preferences as the API shows them; quiet hours as {@code HH:mm}, null when not set. */
    record PreferencesResponse(Preferences.Channels channels,
            @ArraySchema(schema = @Schema(implementation = SignalKind.class)) List<String> kinds,
            BigDecimal minSpreadPercent, List<String> symbolsAllow, List<String> symbolsDeny,
            @Schema(nullable = true) QuietHours quietHours,
            String timezone) {

        static PreferencesResponse of(Preferences p) {
            return new PreferencesResponse(p.channels(), p.kinds(), p.minSpreadPercent(), p.symbolsAllow(),
                    p.symbolsDeny(), p.quietHours() == null ? null
                            : new QuietHours(HH_MM.format(p.quietHours().start()), HH_MM.format(p.quietHours().end())),
                    p.timezone());
        }
    }

    @Schema(nullable = true)
    record QuietHours(String start, String end) {
    }
}
