package org.ncbgateway.audit;

import java.util.Optional;

/** Checks a logged message's wire bytes as they stood at the entry's time: signatures, certificates, sender. */
@FunctionalInterface
public interface MessageCheck {

    /** @return empty when the message verifies, else why not (with the SPEC section 7 code first) */
    Optional<String> problem(EntryMeta meta, byte[] wire);
}
