package org.ncbgateway.gateway;

/** A reviewer's decision cannot be taken as asked: names the request and the reason. */
public class ReviewException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }
}
