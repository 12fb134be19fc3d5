package io.cryptotracker.users.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    final TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.0/8", "::1", "10.0.0.0/8"));

    @Test
    void aDirectClientIsThePeer() {
        assertThat(proxies.clientAddress("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(proxies.clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.1.2.3")).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void hostNamesAndGarbageAreNeverLookedUp() {
        assertThat(proxies.clientAddress("127.0.0.1", "example.com")).isEqualTo("127.0.0.1");
        assertThat(proxies.clientAddress("127.0.0.1", "203.0.113.7, not-an-ip")).isEqualTo("127.0.0.1");
    }
}
