package io.cryptotracker.users;

import java.util.Set;
import java.util.UUID;

import io.cryptotracker.common.security.AuthenticatedUser;
import io.cryptotracker.common.security.Tier;
import io.cryptotracker.common.web.servlet.ServletWebConfiguration;
import io.cryptotracker.users.audit.AuditLog;
import io.cryptotracker.users.audit.RequestOrigins;
import io.cryptotracker.users.config.StrictRequestJson;
import io.cryptotracker.users.directory.UserDirectory;
import io.cryptotracker.users.preferences.PreferenceChanges;
import io.cryptotracker.users.profile.Profiles;
import io.cryptotracker.users.subscription.SubscriptionChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice every controller test of user-service shares (one cached context): all controllers with their
 * services mocked, the common problem+json mapping and input checks, the strict JSON reading, and Spring
 * Security's MVC support without its filters – a test signs {@link #USER} in by putting it into the context.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(ServletWebConfiguration.class)
@Import({ StrictRequestJson.class, WebSlice.SecurityMvcSupport.class })
public abstract class WebSlice {

    protected static final AuthenticatedUser USER = new AuthenticatedUser(UUID.randomUUID(), "u@example.com",
            Tier.VIP, Set.of("USER", "ADMIN"));

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected PreferenceChanges preferenceChanges;

    @MockitoBean
    protected SubscriptionChanges subscriptionChanges;

    @MockitoBean
    protected RequestOrigins origins;

    @MockitoBean
    protected Profiles profiles;

    @MockitoBean
    protected UserDirectory directory;

    @MockitoBean
    protected AuditLog auditLog;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(USER, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** {@code @AuthenticationPrincipal} support. */
    @EnableWebSecurity
    static class SecurityMvcSupport {
    }
}
