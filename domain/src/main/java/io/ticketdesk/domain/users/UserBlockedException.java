package io.ticketdesk.domain.users;

import io.ticketdesk.domain.DomainException;

/** The caller's account is blocked: every call is refused, whatever token they hold. */
public final class UserBlockedException extends DomainException {

    public UserBlockedException() {
        super("user.blocked");
    }
}
