package io.cryptotracker.users.directory;

import java.util.Set;

import io.cryptotracker.common.web.PageParams;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/users?q=&page=&size=&sort=} (role ADMIN): the users whose email or username contains
 * {@code q}, ignoring case, by email, with their plan – how an admin finds the user whose VIP they grant.
 */
@RestController
@Tag(name = "Admin")
class UserSearchController {

    static final int MAX_QUERY_LENGTH = 100;

    private final UserDirectory directory;

    UserSearchController(UserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/admin/users")
    @Operation(operationId = "searchUsers", summary = "Users whose email or username contains q, by email (role ADMIN)",
            description = "Sorted by `email` (the default, ascending).")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<UserDirectory.Entry> search(
            @RequestParam(required = false) @Size(max = MAX_QUERY_LENGTH) String q,
            @Valid @NotNull @ParameterObject PageParams paging) {
        PageQuery query = paging.query(Set.of("email"), "email,asc");
        String text = q == null ? "" : q.strip();
        return PageResponse.of(directory.find(text, query.size(), query.offset()), query, directory.count(text));
    }
}
