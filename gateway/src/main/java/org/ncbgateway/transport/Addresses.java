package org.ncbgateway.transport;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The broker addresses of SPEC section 5. Each is an anycast address with one durable queue of the
 * same name, so a sender and a consumer never disagree on where a message waits.
 */
public final class Addresses {

    /** Sealed messages arriving at this node; the only address a peer may send to. */
    public static final String IN = "ncb.in";
    /** Verified, decrypted payloads for the national systems. */
    public static final String DELIVER = "ncb.deliver";
    /** Rejected messages, with the reason as message properties. */
    public static final String DLQ = "ncb.dlq";
    /** Messages whose time to live ran out before anyone consumed them. */
    public static final String EXPIRED = "ncb.expired";
    /** Prefix of the per-next-hop store-and-forward queues. */
    public static final String OUT_PREFIX = "ncb.out.";

    /** The addresses every node has from its first start. */
    public static final List<String> FIXED = List.of(IN, DELIVER, DLQ, EXPIRED);

    private static final Pattern NODE_CODE = Pattern.compile("^[A-Z]{2}$|^GS$|^HUB-[A-Z]+(-[A-Z]+)*$");

    private Addresses() {
    }

    /** {@code ncb.out.<HOP>}: what waits to be forwarded to the next hop {@code hop}. */
    public static String out(String hop) {
        return OUT_PREFIX + requireNodeCode(hop);
    }

    /** The next hop an {@code ncb.out.<HOP>} address forwards to, or null for any other address. */
    public static String hopOf(String address) {
        return address != null && address.startsWith(OUT_PREFIX) ? address.substring(OUT_PREFIX.length()) : null;
    }

    static String requireNodeCode(String code) {
        if (code == null || !NODE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a node code: '" + code
                    + "' (expected an ISO 3166-1 alpha-2 code, GS or HUB-<REGION>)");
        }
        return code;
    }
}
