package io.cryptotracker.users.audit;

import java.util.Set;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.web.PageParams;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own security log: logins, password, plan and preference changes, newest first. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/v1/users/me/audit")
    @Operation(operationId = "listAudit", summary = "The caller's own security log, newest first by default",
            description = "Sorted by `occurred_at` (the default, descending).")
    PageResponse<AuditLog.AuditEntry> myAudit(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @NotNull @ParameterObject PageParams paging) {
        PageQuery query = paging.query(Set.of("occurred_at"), "occurred_at,desc");
        return PageResponse.of(auditLog.page(user.id(), query.ascending(), query.size(), query.offset()), query,
                auditLog.count(user.id()));
    }
}
