package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.application.port.in.Page;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.users.UserFilter;
import io.ticketdesk.application.port.in.users.UserListItem;

/** The people list with each person's ticket count and last activity: one query per page, plus one to count. */
public interface UserDirectory {

    Page<UserListItem> users(UserFilter filter, PageRequest page);
}
