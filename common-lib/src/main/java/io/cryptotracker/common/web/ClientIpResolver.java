package io.cryptotracker.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client's address: the connection's peer, unless that peer is a trusted proxy (the gateway), in which
 * case {@code X-Forwarded-For} is walked from the right and the first hop that is not a trusted proxy is the
 * client. Anything a client wrote further left is never believed. Only IP literals are parsed (no DNS lookups).
 */
public final class ClientIpResolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%\\w+)?");

    private final List<Cidr> trusted;

    /**
     * @param trustedProxies addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code ::1})
     */
    public ClientIpResolver(List<String> trustedProxies) {
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                blocks.add(Cidr.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    public String resolve(String remoteAddress, String forwardedFor) {
        InetAddress peer = parse(remoteAddress);
        if (peer == null) {
            return remoteAddress;
        }
        InetAddress client = peer;
        if (forwardedFor != null && isTrusted(peer)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = parse(hops[i].strip());
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return client.getHostAddress();
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An IP literal, or null for anything else (host names included: they are never looked up). */
    static InetAddress parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean ipv4 = IPV4.matcher(literal).matches();
        boolean ipv6 = literal.contains(":") && IPV6.matcher(literal).matches();
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException | SecurityException ex) {
            return null;
        }
    }

    /** An address block. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String value) {
            int slash = value.indexOf('/');
            InetAddress address = ClientIpResolver.parse(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR block: " + value);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Bad prefix length in " + value);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
