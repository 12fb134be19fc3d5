package io.cryptotracker.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * Finds the address a request came from. {@code X-Forwarded-For} is read only when the connection comes from a
 * trusted proxy, and then only as far back as the chain of trusted proxies goes: whatever a client writes into the
 * header itself stands left of the first untrusted hop and is never reached. IPv6 clients are grouped by their /64,
 * which one subscriber usually holds whole.
 */
public final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trustedProxies;

    /** @param trustedProxies addresses ({@code 10.0.0.7}) or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(ClientAddresses::rule).toList();
    }

    /**
     * @param remote the connection's peer
     * @param forwardedFor every {@code X-Forwarded-For} header value, in order; empty if none
     * @return the client's address as a bucket key, or {@code "unknown"} when the connection has none
     */
    public String clientOf(InetSocketAddress remote, List<String> forwardedFor) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress client = remote.getAddress();
        if (trusted(client) && !forwardedFor.isEmpty()) {
            List<String> hops = hops(forwardedFor);
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = literal(hops.get(i));
                if (hop == null) {
                    // a trusted proxy passed on something that is not an address: the last hop we can vouch for
                    break;
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socketAddress = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socketAddress));
    }

    private static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
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

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
        }
        int maxPrefix = address.getAddress().length * 8;
        int prefix = slash < 0 ? maxPrefix : Integer.parseInt(entry.substring(slash + 1));
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("Bad prefix length in " + entry);
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
