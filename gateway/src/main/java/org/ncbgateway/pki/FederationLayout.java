package org.ncbgateway.pki;

import java.nio.file.Path;

/**
 * The files of a federation folder as {@code ncb pki init} writes them (see docs/pki.md):
 * public material at the top, the root's keystore under {@code root/}, one folder per node under
 * {@code nodes/}.
 */
public record FederationLayout(Path dir) {

    public Path spec() {
        return dir.resolve("federation.json");
    }

    public Path rootCertificate() {
        return dir.resolve("root.pem");
    }

    public Path crl() {
        return dir.resolve("crl.pem");
    }

    /** PKCS#12 with the root as the only trusted certificate, for the brokers' TLS links. */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    public Path trustStorePassword() {
        return dir.resolve("truststore.password");
    }

    public Path directoryJson() {
        return dir.resolve("directory.json");
    }

    public Path directorySigned() {
        return dir.resolve("directory.p7s");
    }

    /** The root's keystore; in a real federation it lives offline, never beside the public files. */
    public Path rootDir() {
        return dir.resolve("root");
    }

    public Path rootKeyStore() {
        return rootDir().resolve("root.p12");
    }

    public Path nodesDir() {
        return dir.resolve("nodes");
    }

    public Path node(String code) {
        return nodesDir().resolve(code);
    }

    public Path superseded(String code) {
        return node(code).resolve("superseded");
    }
}
