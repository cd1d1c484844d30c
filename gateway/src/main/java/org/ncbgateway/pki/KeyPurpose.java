package org.ncbgateway.pki;

/** What a node certificate is for; every node holds one certificate per purpose. */
public enum KeyPurpose {
    /** Signs the inner and outer CMS layers, receipts, log seals. */
    SIGNING,
    /** Receives content-encryption keys (ECDH key agreement or RSA-OAEP). */
    ENCRYPTION,
    /** Authenticates broker links (mutual TLS). */
    TLS
}
