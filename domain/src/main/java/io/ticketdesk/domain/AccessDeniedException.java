package io.ticketdesk.domain;

/** The caller's role is too low for what they asked. */
public final class AccessDeniedException extends DomainException {

    public AccessDeniedException(String code) {
        super(code);
    }
}
