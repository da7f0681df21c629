package io.ticketdesk.domain;

/** No such thing, or one the caller may not see: the two are indistinguishable on purpose. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String code) {
        super(code);
    }
}
