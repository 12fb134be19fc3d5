package io.cryptotracker.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientIpResolverTest {

    private final ClientIpResolver resolver = new ClientIpResolver(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

    @Test
    void usesThePeerAddressWhenThePeerIsNotATrustedProxy() {
        assertThat(resolver.resolve("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void believesForwardedForOnlyFromATrustedProxy() {
        assertThat(resolver.resolve("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRightSoClientWrittenEntriesAreIgnored() {
        assertThat(resolver.resolve("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.0.0.9")).isEqualTo("198.51.100.1");
    }

    @Test
    void usesTheLeftmostHopWhenEveryHopIsTrusted() {
        assertThat(resolver.resolve("127.0.0.1", "10.0.0.1, 10.0.0.2")).isEqualTo("10.0.0.1");
    }

    @Test
    void stopsAtAHopThatIsNotAnIpAddressAndNeverLooksUpNames() {
        assertThat(resolver.resolve("127.0.0.1", "198.51.100.1, evil.example.com")).isEqualTo("127.0.0.1");
    }

    @Test
    void handlesIpv6PeersAndHops() {
        assertThat(resolver.resolve("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(resolver.resolve("2001:db8::7", "198.51.100.1")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void withoutForwardedForThePeerIsTheClient() {
        assertThat(resolver.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        ClientIpResolver narrow = new ClientIpResolver(List.of("192.168.4.0/22"));
        assertThat(narrow.resolve("192.168.7.255", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(narrow.resolve("192.168.8.1", "198.51.100.1")).isEqualTo("192.168.8.1");
    }

    @Test
    void refusesAMalformedTrustedProxyEntry() {
        assertThatThrownBy(() -> new ClientIpResolver(List.of("gateway.local")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientIpResolver(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
