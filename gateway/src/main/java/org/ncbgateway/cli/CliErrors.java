package org.ncbgateway.cli;

/** Turns an exception into the one line an operator reads: its message and the causes that add to it. */
final class CliErrors {

    private CliErrors() {
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(message(error));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = message(cause);
            if (!text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
