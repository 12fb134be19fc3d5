package io.cryptotracker.users.profile;

import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own profile. */
@RestController
@RequestMapping("/api/v1/users/me")
class MeController {

    @GetMapping
    MeResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
        return new MeResponse(user.id(), user.email(), user.tier().name(), user.roles().stream().sorted().toList());
    }

    /** What the verified access token says of the caller. */
    record MeResponse(UUID id, String email, String tier, List<String> roles) {
    }
}
