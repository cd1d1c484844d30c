package org.ncbgateway.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** The key types of SPEC section 4: ECDSA/ECDH P-256 by default, RSA-3072 accepted. */
public enum KeyAlgorithm {
    EC_P256("ec"),
    RSA_3072("rsa");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String wireName;

    KeyAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public KeyPair generate() {
        try {
            if (this == EC_P256) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.provider());
            generator.initialize(3072, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key pair", e);
        }
    }

    /** The signature algorithm a key of this type signs certificates, CRLs and directories with. */
    public String certificateSignatureAlgorithm() {
        return this == EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
    }

    public static KeyAlgorithm of(PublicKey key) {
        if (key instanceof ECPublicKey) {
            return EC_P256;
        }
        if (key instanceof RSAPublicKey) {
            return RSA_3072;
        }
        throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
    }

    public static KeyAlgorithm fromWireName(String name) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + name + "' (expected ec or rsa)");
    }
}
