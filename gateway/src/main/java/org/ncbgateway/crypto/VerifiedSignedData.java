package org.ncbgateway.crypto;

import java.security.cert.X509Certificate;

/** The content of a SignedData whose one signature verified, and the certificate that signed it. */
record VerifiedSignedData(byte[] content, X509Certificate signer) {
}
