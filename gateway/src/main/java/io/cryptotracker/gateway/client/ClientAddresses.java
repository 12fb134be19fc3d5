package io.cryptotracker.gateway.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.cryptotracker.common.web.ClientIpResolver;
import io.netty.util.NetUtil;

/**
 * Finds the address a request came from. {@code X-Forwarded-For} is read only when the connection comes from a
 * trusted proxy, and then only as far back as the chain of trusted proxies goes: whatever a client writes into the
 * header itself stands left of the first untrusted hop and is never reached. The rule is common-lib's
 * {@link ClientIpResolver}, the one the services apply to the gateway.
 */
public final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientIpResolver resolver;

    /** @param trustedProxies addresses ({@code 10.0.0.7}) or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    public ClientAddresses(List<String> trustedProxies) {
        this.resolver = new ClientIpResolver(trustedProxies);
    }

    /**
     * @param remote the connection's peer
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order; empty if none
     * @return the client's address, or {@code "unknown"} when the connection has none
     */
    public String clientOf(InetSocketAddress remote, List<String> forwardedFor) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        return resolver.resolve(remote.getAddress().getHostAddress(),
                forwardedFor.isEmpty() ? null : String.join(",", forwardedFor));
    }

    /**
     * The rate-limit bucket of a client address: IPv6 clients are grouped by their /64, which one subscriber
     * usually holds whole.
     */
    public static String bucketKey(String client) {
        InetAddress address = literal(client);
        return address == null ? client : key(address);
    }

    /** An IP literal (IPv6 optionally in brackets) or {@code null}; never a DNS lookup. */
    static InetAddress literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return NetUtil.createInetAddressFromIpAddressString(candidate);
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            catch (UnknownHostException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return address.getHostAddress();
    }
}
