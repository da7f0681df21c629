package io.ticketdesk.adapters.http.errors;

/**
 * A refusal that belongs to HTTP itself (a body that is not JSON, a missing token), as opposed
 * to one from a business rule. {@code messageKey} is looked up in the caller's language.
 */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;

    public ApiException(ErrorCode code, String messageKey) {
        super(messageKey, null, false, false);
        this.code = code;
        this.messageKey = messageKey;
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }
}
