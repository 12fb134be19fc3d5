package io.cryptotracker.users.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client address of a request: the connection's peer, unless the peer is a trusted proxy (the gateway),
 * in which case {@code X-Forwarded-For} is walked from the right to the first hop that is not a trusted proxy.
 * Only IP literals are parsed; host names are never looked up.
 */
public final class TrustedProxies {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Block> blocks;

    /** @param cidrs addresses or CIDR blocks such as {@code 127.0.0.0/8} or {@code ::1} */
    public TrustedProxies(List<String> cidrs) {
        List<Block> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            if (!cidr.isBlank()) {
                parsed.add(Block.parse(cidr.strip()));
            }
        }
        this.blocks = List.copyOf(parsed);
    }

    public String clientAddress(String remoteAddress, String forwardedFor) {
        InetAddress client = literal(remoteAddress);
        if (client == null) {
            return remoteAddress;
        }
        if (forwardedFor != null && trusted(client)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = literal(hops[i].strip());
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || !IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an address or CIDR block: " + cidr);
            }
            byte[] bytes = address.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            return new Block(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
