package org.ncbgateway.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.ncbgateway.message.RejectedException;

/**
 * A node's folder of keystores: {@code signing.p12}, {@code encryption.p12} and {@code tls.p12}, one
 * key each with its chain up to the root, and PEM copies of the certificates.
 */
public final class NodeKeyStore {

    private NodeKeyStore() {
    }

    public static Path keyStore(Path nodeDir, KeyPurpose purpose) {
        return nodeDir.resolve(fileStem(purpose) + ".p12");
    }

    public static Path certificate(Path nodeDir, KeyPurpose purpose) {
        return nodeDir.resolve(fileStem(purpose) + ".pem");
    }

    /** The PKCS#12 keystore the node's broker presents on TLS links (same password as the others). */
    public static Path tlsKeyStore(Path nodeDir) {
        return keyStore(nodeDir, KeyPurpose.TLS);
    }

    /** Loads the signing and encryption keys, checking that both certificates name the same node. */
    public static NodeCredentials load(Path nodeDir, PasswordSource passwords) throws PkiException {
        KeyStores.Entry signing = KeyStores.read(keyStore(nodeDir, KeyPurpose.SIGNING), passwords);
        KeyStores.Entry encryption = KeyStores.read(keyStore(nodeDir, KeyPurpose.ENCRYPTION), passwords);
        String code = code(signing.certificate(), keyStore(nodeDir, KeyPurpose.SIGNING));
        String encryptionCode = code(encryption.certificate(), keyStore(nodeDir, KeyPurpose.ENCRYPTION));
        if (!code.equals(encryptionCode)) {
            throw new PkiException(nodeDir + ": the signing certificate is for " + code
                    + " but the encryption certificate is for " + encryptionCode);
        }
        return new NodeCredentials(code, signing.key(), signing.certificate(),
                encryption.key(), encryption.certificate());
    }

    /** Writes one purpose's keystore and PEM certificate copy into the node folder. */
    public static void write(Path nodeDir, KeyPurpose purpose, PrivateKey key, X509Certificate certificate,
                             X509Certificate root, char[] password) throws PkiException {
        KeyStores.write(keyStore(nodeDir, purpose), fileStem(purpose), key, List.of(certificate, root), password);
        AtomicFiles.writeString(certificate(nodeDir, purpose), Pem.encode(certificate));
    }

    /** Reads one purpose's private key, for tools that need more than {@link NodeCredentials}. */
    public static PrivateKey privateKey(Path nodeDir, KeyPurpose purpose, PasswordSource passwords)
            throws PkiException {
        return KeyStores.read(keyStore(nodeDir, purpose), passwords).key();
    }

    private static String code(X509Certificate certificate, Path source) throws PkiException {
        try {
            return NodeCodes.of(certificate);
        } catch (RejectedException e) {
            throw new PkiException(source + ": " + e.getMessage(), e);
        }
    }

    static String fileStem(KeyPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }
}
