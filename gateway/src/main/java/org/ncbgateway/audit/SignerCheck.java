package org.ncbgateway.audit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.ncbgateway.message.RejectedException;

/** Whether a certificate was a trusted node signing certificate at a moment, and which node it names. */
@FunctionalInterface
public interface SignerCheck {

    /**
     * @return the node code the certificate is bound to
     * @throws RejectedException with the SPEC section 7 certificate code when it was not trusted at {@code at}
     */
    String trustedNode(X509Certificate certificate, Instant at) throws RejectedException;
}
