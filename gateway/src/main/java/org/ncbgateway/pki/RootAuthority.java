package org.ncbgateway.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The federation root CA, operated offline by the secretariat: issues node certificates and CRLs.
 * Its private key never leaves the root keystore.
 */
public final class RootAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    public RootAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * A new self-signed root, ECDSA P-256, CA with keyCertSign and cRLSign, and digitalSignature
     * because it signs the directory itself (OpenSSL checks that usage of a CMS signer).
     */
    public static RootAuthority create(String commonName, Validity validity) {
        KeyPair pair = KeyAlgorithm.EC_P256.generate();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, CertificateTemplate.ORGANISATION).addRDN(BCStyle.CN, commonName).build();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(pair.getPublic()));
            return new RootAuthority(pair.getPrivate(), convert(builder.build(signer(pair.getPrivate()))));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a root certificate", e);
        }
    }

    public static RootAuthority load(Path keyStore, PasswordSource password) throws PkiException {
        KeyStores.Entry entry = KeyStores.read(keyStore, password);
        return new RootAuthority(entry.key(), entry.certificate());
    }

    public void save(Path keyStore, char[] password) throws PkiException {
        KeyStores.write(keyStore, "root", key, List.of(certificate), password);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return key;
    }

    public X509Certificate issue(CertificateTemplate template) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, CertificateTemplate.ORGANISATION)
                .addRDN(BCStyle.OU, template.purpose().name().toLowerCase(Locale.ROOT))
                .addRDN(BCStyle.CN, template.commonName()).build();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(template.notBefore()), Date.from(template.notAfter()), subject, template.publicKey())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(template.keyUsageBits()))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(template))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(template.publicKey()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(certificate));
            if (!template.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(template.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            return convert(builder.build(signer(key)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + template.nodeCode(), e);
        }
    }

    /** A CRL listing {@code revoked}, numbered {@code number}, valid over {@code validity}. */
    public X509CRL crl(Collection<Revocation> revoked, BigInteger number, Validity validity) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(validity.notBefore()))
                    .setNextUpdate(Date.from(validity.notAfter()))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(number))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            for (Revocation revocation : revoked) {
                builder.addCRLEntry(revocation.serial(), Date.from(revocation.at()), revocation.reason());
            }
            return new JcaX509CRLConverter().getCRL(builder.build(signer(key)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a CRL", e);
        }
    }

    /** One CRL entry; {@code reason} is a {@link CRLReason} value. */
    public record Revocation(BigInteger serial, Instant at, int reason) {
    }

    private static GeneralNames alternativeNames(CertificateTemplate template) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, NodeCodes.uri(template.nodeCode())));
        for (String host : template.hosts()) {
            boolean address = host.matches("^[0-9.]+$") || host.contains(":");
            names.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        String algorithm = key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.provider()).build(key);
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** Positive 127-bit random serials: unique without a counter to keep, within RFC 5280's 20 octets. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
