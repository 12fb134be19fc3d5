package io.cryptotracker.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final InetSocketAddress INGRESS = new InetSocketAddress("10.0.0.7", 41000);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.9", 52000);

    private final ClientAddresses behindIngress = new ClientAddresses(List.of("10.0.0.0/24", " 192.168.1.1 "));
    private final ClientAddresses noProxies = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClientWhateverTheHeaderSays() {
        assertThat(noProxies.clientOf(CLIENT, List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(noProxies.clientOf(INGRESS, List.of("198.51.100.1"))).isEqualTo("10.0.0.7");
    }

    @Test
    void aClientNotInTheTrustedListCannotChooseItsKey() {
        assertThat(behindIngress.clientOf(CLIENT, List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheAddressItAppendedIsTheClient() {
        assertThat(behindIngress.clientOf(INGRESS, List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void entriesTheClientForgedLeftOfTheProxysOwnAreIgnored() {
        assertThat(behindIngress.clientOf(INGRESS, List.of("198.51.100.1, 10.0.0.3", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesIsFollowedToTheFirstUntrustedHop() {
        assertThat(behindIngress.clientOf(INGRESS, List.of("198.51.100.1, 203.0.113.9, 192.168.1.1, 10.0.0.5")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void somethingThatIsNotAnAddressStopsAtTheLastHopVouchedFor() {
        assertThat(behindIngress.clientOf(INGRESS, List.of("evil.example.com"))).isEqualTo("10.0.0.7");
        assertThat(behindIngress.clientOf(INGRESS, List.of("203.0.113.9, unknown, 10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6ClientsShareTheirSlash64() {
        InetSocketAddress one = new InetSocketAddress("2001:db8:1:2:aaaa::1", 1);
        InetSocketAddress other = new InetSocketAddress("2001:db8:1:2:bbbb::7", 1);
        assertThat(ClientAddresses.bucketKey(noProxies.clientOf(one, List.of())))
                .isEqualTo(ClientAddresses.bucketKey(noProxies.clientOf(other, List.of())))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddresses.bucketKey(behindIngress.clientOf(INGRESS, List.of("[2001:db8:1:2::9]"))))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void aBadTrustedProxyEntryIsRefusedAtStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.internal")));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
    }
}
