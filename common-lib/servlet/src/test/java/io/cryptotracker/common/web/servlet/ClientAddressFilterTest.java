package io.cryptotracker.common.web.servlet;

import io.cryptotracker.common.web.ClientIpResolver;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientAddressFilterTest {

    private final ClientAddressFilter filter = new ClientAddressFilter(new ClientIpResolver(List.of("10.0.0.0/24")));

    @Test
    void theGatewaysForwardedForIsTheClient() throws Exception {
        assertThat(remoteAddressSeenBehind("10.0.0.7", "203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aPeerThatIsNotTheGatewayIsTheClientWhateverItClaims() throws Exception {
        assertThat(remoteAddressSeenBehind("198.51.100.4", "203.0.113.9")).isEqualTo("198.51.100.4");
    }

    @Test
    void withoutTheHeaderThePeerIsTheClient() throws Exception {
        assertThat(remoteAddressSeenBehind("10.0.0.7", null)).isEqualTo("10.0.0.7");
    }

    private String remoteAddressSeenBehind(String peer, String forwardedFor) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(((HttpServletRequest) req).getRemoteAddr());
            }
        });
        return seen.get();
    }
}
