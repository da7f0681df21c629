package io.ticketdesk.domain;

/**
 * A refusal by a business rule. {@code code} is a stable message key; adapters turn it into
 * their own status and a text in the caller's language.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
