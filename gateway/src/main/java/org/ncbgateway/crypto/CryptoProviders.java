package org.ncbgateway.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The provider chosen for each operation, by measurement (STYLE.md): BouncyCastle for ECDSA and ECDH
 * (several times faster than SunEC), the JDK's SunJCE for AES-GCM (about ten times faster than
 * BouncyCastle's, thanks to the AES-NI intrinsics). BouncyCastle is used as an instance, never
 * registered globally, so the rest of the JVM keeps its defaults.
 */
public final class CryptoProviders {

    public static final Provider BC = new BouncyCastleProvider();

    private CryptoProviders() {
    }

    /** The AES-GCM provider; falls back to BouncyCastle on a JVM without SunJCE. */
    public static Provider aesGcm() {
        Provider sunJce = Security.getProvider("SunJCE");
        return sunJce != null ? sunJce : BC;
    }

    /**
     * Re-expresses a public key as BouncyCastle's own class once: BouncyCastle then converts nothing per
     * operation, and an EC point keeps what its first use precomputed.
     */
    public static PublicKey forBouncyCastle(PublicKey key) {
        try {
            return (PublicKey) KeyFactory.getInstance(key.getAlgorithm(), BC).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported public key algorithm " + key.getAlgorithm(), e);
        }
    }

    /** Re-expresses a private key as BouncyCastle's own class once, so no conversion happens per operation. */
    public static PrivateKey forBouncyCastle(PrivateKey key) {
        try {
            return (PrivateKey) KeyFactory.getInstance(key.getAlgorithm(), BC).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported private key algorithm " + key.getAlgorithm(), e);
        }
    }
}
