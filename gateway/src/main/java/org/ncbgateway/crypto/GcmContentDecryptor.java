package org.ncbgateway.crypto;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.InputStreamWithMAC;
import org.bouncycastle.jcajce.io.CipherInputStream;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * Decrypts the AES-GCM content of an AuthEnvelopedData with the provider chosen for AES-GCM (the JDK's,
 * with the processor's AES and carry-less multiply instructions) rather than the one BouncyCastle's CMS
 * helper can find: it asks for GCM parameters by OID, which the JDK does not register. The parameters
 * are read here instead, and the content key is the one BouncyCastle unwrapped. BouncyCastle appends the
 * GCM tag to the ciphertext stream; its cipher stream reports a wrong tag as an error, never as a short
 * read.
 */
final class GcmContentDecryptor implements InputAEADDecryptor {

    private final AlgorithmIdentifier algorithm;
    private final Cipher cipher;
    private InputStream source;

    GcmContentDecryptor(AlgorithmIdentifier algorithm, Key contentKey, Provider provider) throws CMSException {
        this.algorithm = algorithm;
        try {
            GCMParameters parameters = GCMParameters.getInstance(algorithm.getParameters());
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey.getEncoded(), "AES"),
                    new GCMParameterSpec(parameters.getIcvLen() * 8, parameters.getNonce()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CMSException("AES-GCM content decryption cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public InputStream getInputStream(InputStream encrypted) {
        source = encrypted;
        return new CipherInputStream(encrypted, cipher);
    }

    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                cipher.updateAAD(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                cipher.updateAAD(bytes, offset, length);
            }
        };
    }

    @Override
    public byte[] getMAC() {
        return source instanceof InputStreamWithMAC withMac ? withMac.getMAC() : null;
    }
}
