package io.ticketdesk.application.port.in.users;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.domain.users.User;

/** The people of the desk, for MODERATOR+, newest first. */
public interface ListUsersQuery {

    Page<UserListItem> list(User actor, UserFilter filter, PageRequest page);
}
