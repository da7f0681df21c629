package io.ticketdesk.application.port.in.users;

import io.ticketdesk.domain.users.User;
import java.time.Instant;

/**
 * A person in the people list: {@code ticketsCount} = tickets they authored; {@code lastActivity}
 * = the latest of their last login, last ticket created and last message posted (null if none).
 */
public record UserListItem(User user, long ticketsCount, Instant lastActivity) {
}
