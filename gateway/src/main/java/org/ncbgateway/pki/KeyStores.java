package org.ncbgateway.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** PKCS#12 files holding one private key with its chain, or only trusted certificates. */
final class KeyStores {

    private KeyStores() {
    }

    record Entry(PrivateKey key, X509Certificate certificate) {
    }

    static Entry read(Path file, PasswordSource passwordSource) throws PkiException {
        char[] password = passwordSource.password();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> keyAliases = Collections.list(store.aliases()).stream()
                    .filter(alias -> isKeyEntry(store, alias)).toList();
            if (keyAliases.size() != 1) {
                throw new PkiException(file + ": expected exactly one private key, found " + keyAliases.size());
            }
            String alias = keyAliases.get(0);
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            return new Entry(key, (X509Certificate) store.getCertificate(alias));
        } catch (NoSuchFileException e) {
            throw new PkiException(file + ": no such keystore", e);
        } catch (UnrecoverableKeyException e) {
            throw new PkiException(file + ": wrong password", e);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new PkiException(file + ": " + (wrongPassword ? "wrong password" : "not a readable PKCS#12 keystore ("
                    + e.getMessage() + ")"), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException(file + ": not a readable PKCS#12 keystore (" + e.getMessage() + ")", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static void write(Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
            throws PkiException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            save(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(file + ": cannot write the keystore (" + e.getMessage() + ")", e);
        }
    }

    static void writeTrusted(Path file, String alias, X509Certificate certificate, char[] password)
            throws PkiException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(alias, certificate);
            save(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(file + ": cannot write the truststore (" + e.getMessage() + ")", e);
        }
    }

    private static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
