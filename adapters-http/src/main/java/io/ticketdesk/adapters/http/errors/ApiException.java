package io.ticketdesk.adapters.http.errors;

import java.util.List;

/**
 * A refusal that belongs to HTTP itself (a body that is not JSON, a missing token), as opposed
 * to one from a business rule. {@code messageKey} is looked up in the caller's language.
 */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final List<Detail> details;

    /** A part of the request at fault that no core field names (a query parameter, a header): its name and message key. */
    public record Detail(String field, String messageKey) {
    }

    public ApiException(ErrorCode code, String messageKey) {
        this(code, messageKey, List.of());
    }

    /** A refusal that names the parts of the request at fault in {@code error.details}. */
    public ApiException(ErrorCode code, String messageKey, List<Detail> details) {
        super(messageKey, null, false, false);
        this.code = code;
        this.messageKey = messageKey;
        this.details = List.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Detail> details() {
        return details;
    }
}
