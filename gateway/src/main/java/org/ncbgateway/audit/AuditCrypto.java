package org.ncbgateway.audit;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The provider the audit package signs and verifies with, passed explicitly rather than installed globally. */
final class AuditCrypto {

    static final Provider BC = new BouncyCastleProvider();

    private AuditCrypto() {
    }
}
