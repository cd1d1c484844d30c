package org.ncbgateway.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;

/**
 * The key usages each purpose requires, used both when the root issues a certificate and when a
 * node checks one. Signing and encryption keys are kept apart (SPEC section 4), so each profile also
 * names the usages a certificate of that purpose must not carry.
 */
public final class KeyUsagePolicy {

    // indices of X509Certificate.getKeyUsage()
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;

    private KeyUsagePolicy() {
    }

    /** The KeyUsage bits the root puts into a node certificate of this purpose and key type. */
    public static int keyUsageBits(KeyPurpose purpose, KeyAlgorithm algorithm) {
        return switch (purpose) {
            case SIGNING -> KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            case ENCRYPTION -> algorithm == KeyAlgorithm.EC_P256 ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment;
            case TLS -> KeyUsage.digitalSignature;
        };
    }

    /** The extended key usages of a node certificate of this purpose (none for signing and encryption). */
    public static List<KeyPurposeId> extendedKeyUsages(KeyPurpose purpose) {
        return purpose == KeyPurpose.TLS
                ? List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
                : List.of();
    }

    /** CERT_UNTRUSTED when the certificate's usages do not fit the purpose. */
    public static void check(X509Certificate certificate, KeyPurpose purpose) throws RejectedException {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null) {
            throw wrongUsage(certificate, purpose, "it has no key usage extension");
        }
        if (usage[KEY_CERT_SIGN]) {
            throw wrongUsage(certificate, purpose, "it may sign certificates");
        }
        KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey());
        switch (purpose) {
            case SIGNING -> {
                require(certificate, purpose, usage[DIGITAL_SIGNATURE], "digitalSignature is missing");
                require(certificate, purpose, !usage[KEY_ENCIPHERMENT] && !usage[KEY_AGREEMENT],
                        "it is also an encryption key");
            }
            case ENCRYPTION -> {
                boolean canReceiveKeys = algorithm == KeyAlgorithm.EC_P256 ? usage[KEY_AGREEMENT] : usage[KEY_ENCIPHERMENT];
                require(certificate, purpose, canReceiveKeys,
                        algorithm == KeyAlgorithm.EC_P256 ? "keyAgreement is missing" : "keyEncipherment is missing");
                require(certificate, purpose, !usage[DIGITAL_SIGNATURE], "it is also a signing key");
            }
            case TLS -> {
                require(certificate, purpose, usage[DIGITAL_SIGNATURE], "digitalSignature is missing");
                List<String> eku = extendedKeyUsage(certificate, purpose);
                require(certificate, purpose, eku.contains(KeyPurposeId.id_kp_serverAuth.getId())
                        && eku.contains(KeyPurposeId.id_kp_clientAuth.getId()), "serverAuth or clientAuth is missing");
            }
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate, KeyPurpose purpose)
            throws RejectedException {
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            return eku == null ? List.of() : eku;
        } catch (CertificateParsingException e) {
            throw wrongUsage(certificate, purpose, "its extended key usage is unreadable");
        }
    }

    private static void require(X509Certificate certificate, KeyPurpose purpose, boolean condition, String reason)
            throws RejectedException {
        if (!condition) {
            throw wrongUsage(certificate, purpose, reason);
        }
    }

    private static RejectedException wrongUsage(X509Certificate certificate, KeyPurpose purpose, String reason) {
        return new RejectedException(ReasonCode.CERT_UNTRUSTED, "certificate " + Certificates.describe(certificate)
                + " is not fit for " + purpose.name().toLowerCase(Locale.ROOT) + ": " + reason);
    }
}
