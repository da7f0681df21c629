package io.ticketdesk.domain;

/** A lifecycle rule, a uniqueness rule or a concurrent edit forbids the change. */
public final class ConflictException extends DomainException {

    public ConflictException(String code) {
        super(code);
    }
}
