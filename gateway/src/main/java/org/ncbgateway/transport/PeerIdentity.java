package org.ncbgateway.transport;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The node a verified TLS client certificate speaks for: the one subject alternative name URI
 * {@code urn:ncb:node:<CODE>}. The TLS handshake has already checked the chain to the federation root.
 */
final class PeerIdentity {

    static final String NODE_URI_PREFIX = "urn:ncb:node:";
    private static final int SAN_URI = 6;
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private PeerIdentity() {
    }

    /** The node code, or an explanation of why the certificate names no single node. */
    static String nodeCode(X509Certificate certificate) throws PeerRefusedException {
        requireClientAuthUsage(certificate);
        List<String> codes = new ArrayList<>();
        for (String uri : sanUris(certificate)) {
            if (uri.startsWith(NODE_URI_PREFIX)) {
                codes.add(uri.substring(NODE_URI_PREFIX.length()));
            }
        }
        if (codes.size() != 1) {
            throw new PeerRefusedException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " names " + codes.size() + " nodes in subject alternative name URIs " + NODE_URI_PREFIX
                    + "<CODE>, expected exactly one");
        }
        try {
            return Addresses.requireNodeCode(codes.get(0));
        } catch (IllegalArgumentException e) {
            throw new PeerRefusedException("certificate " + certificate.getSubjectX500Principal().getName()
                    + ": " + e.getMessage());
        }
    }

    /** The node {@code certificate} names, for a log line about a link: its single node URI, else {@code ?}. */
    static String named(X509Certificate certificate) {
        try {
            List<String> codes = sanUris(certificate).stream().filter(uri -> uri.startsWith(NODE_URI_PREFIX))
                    .map(uri -> uri.substring(NODE_URI_PREFIX.length())).toList();
            return codes.size() == 1 ? codes.get(0) : "?";
        } catch (PeerRefusedException e) {
            return "?";
        }
    }

    /** A certificate for signing or encryption must not open a broker link, even if it chains to the root. */
    private static void requireClientAuthUsage(X509Certificate certificate) throws PeerRefusedException {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages == null || !usages.contains(CLIENT_AUTH)) {
                throw new PeerRefusedException("certificate " + certificate.getSubjectX500Principal().getName()
                        + " lacks extended key usage clientAuth");
            }
        } catch (CertificateParsingException e) {
            throw new PeerRefusedException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " has an unreadable extended key usage: " + e.getMessage());
        }
    }

    private static List<String> sanUris(X509Certificate certificate) throws PeerRefusedException {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            List<String> uris = new ArrayList<>();
            if (names != null) {
                for (List<?> name : names) {
                    if (((Integer) name.get(0)) == SAN_URI) {
                        uris.add((String) name.get(1));
                    }
                }
            }
            return uris;
        } catch (CertificateParsingException e) {
            throw new PeerRefusedException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " has unreadable subject alternative names: " + e.getMessage());
        }
    }

    /** Why a connection was refused a broker identity. */
    static final class PeerRefusedException extends Exception {
        PeerRefusedException(String message) {
            super(message);
        }
    }
}
