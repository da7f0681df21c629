package io.ticketdesk.application.port.in.users;

import io.ticketdesk.domain.users.User;

/** An ADMIN blocks or unblocks someone else; a block refuses that person's very next request. */
public interface ChangeUserStatusUseCase {

    User changeStatus(ChangeUserStatusCommand command);
}
