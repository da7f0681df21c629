package io.ticketdesk.application.service.users;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.users.ListUsersQuery;
import io.ticketdesk.application.port.in.users.UserFilter;
import io.ticketdesk.application.port.in.users.UserListItem;
import io.ticketdesk.application.port.out.persistence.UserDirectory;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserAdministration;

public record ListUsersService(UserDirectory directory) implements ListUsersQuery {

    @Override
    public Page<UserListItem> list(User actor, UserFilter filter, PageRequest page) {
        UserAdministration.requireMayList(actor.requireActive());
        return directory.users(filter, page);
    }
}
