package org.ncbgateway.crypto;

/** One CMS layer is unusable; the caller knows which layer and maps it to its reason code. */
final class LayerException extends Exception {

    private static final long serialVersionUID = 1L;

    LayerException(String detail) {
        super(detail);
    }

    LayerException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
