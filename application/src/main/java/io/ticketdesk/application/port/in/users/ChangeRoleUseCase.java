package io.ticketdesk.application.port.in.users;

import io.ticketdesk.domain.users.User;

/** An ADMIN gives someone another role; the desk always keeps one active ADMIN. Returns the user. */
public interface ChangeRoleUseCase {

    User changeRole(ChangeRoleCommand command);
}
