package io.ticketdesk.application.port.in.auth;

/**
 * The caller could not be identified: bad login data, a token for nobody. {@code reason} is a
 * message key; adapters answer 401 (HTTP) or ignore the caller (Telegram).
 */
public final class AuthenticationFailedException extends RuntimeException {

    private final String reason;

    public AuthenticationFailedException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
