package io.ticketdesk.application.port.out.auth;

/** initData that is not genuine, not ours, malformed, stale or from the future. */
public final class InvalidInitDataException extends RuntimeException {

    private final String reason;

    public InvalidInitDataException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** A message key such as {@code auth.init_data.signature}. */
    public String reason() {
        return reason;
    }
}
