package org.ncbgateway.pki;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;

/**
 * Node codes (SPEC section 1) and their binding into certificates: the subject alternative name URI
 * {@code urn:ncb:node:<CODE>} is authoritative, and the subject CN must agree with it.
 */
public final class NodeCodes {

    public static final String URI_PREFIX = "urn:ncb:node:";

    private static final Pattern CODE =
            Pattern.compile("^(GS|HUB-(AFRICA|AMERICAS|ASIA|EUROPE|MIDDLE-EAST)|[A-Z]{2})$");
    private static final int SAN_URI = 6;

    private NodeCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static String uri(String code) {
        return URI_PREFIX + code;
    }

    /** The node code a certificate is bound to; CERT_UNTRUSTED when it has none, several, or a disagreeing CN. */
    public static String of(X509Certificate certificate) throws RejectedException {
        List<String> codes = sanCodes(certificate);
        if (codes.size() != 1) {
            throw untrusted(certificate, "expected exactly one subject alternative name " + URI_PREFIX
                    + "<CODE>, found " + codes.size());
        }
        String code = codes.get(0);
        if (!isValid(code)) {
            throw untrusted(certificate, "'" + code + "' is not a node code");
        }
        String commonName = commonName(certificate);
        if (!code.equals(commonName)) {
            throw untrusted(certificate, "subject CN '" + commonName + "' does not agree with node code '" + code
                    + "' of the subject alternative name");
        }
        return code;
    }

    private static List<String> sanCodes(X509Certificate certificate) throws RejectedException {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw untrusted(certificate, "unreadable subject alternative names: " + e.getMessage());
        }
        List<String> codes = new ArrayList<>();
        if (names != null) {
            for (List<?> name : names) {
                if (((Integer) name.get(0)) == SAN_URI && name.get(1) instanceof String uri
                        && uri.startsWith(URI_PREFIX)) {
                    codes.add(uri.substring(URI_PREFIX.length()));
                }
            }
        }
        return codes;
    }

    private static String commonName(X509Certificate certificate) throws RejectedException {
        X500Name subject;
        try {
            subject = new JcaX509CertificateHolder(certificate).getSubject();
        } catch (CertificateEncodingException e) {
            throw untrusted(certificate, "unreadable subject: " + e.getMessage());
        }
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        if (cns.length != 1) {
            throw untrusted(certificate, "expected exactly one subject CN, found " + cns.length);
        }
        return IETFUtils.valueToString(cns[0].getFirst().getValue());
    }

    private static RejectedException untrusted(X509Certificate certificate, String reason) {
        return new RejectedException(ReasonCode.CERT_UNTRUSTED,
                "certificate " + Certificates.describe(certificate) + ": " + reason);
    }
}
