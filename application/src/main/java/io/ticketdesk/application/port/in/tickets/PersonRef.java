package io.ticketdesk.application.port.in.tickets;

import io.ticketdesk.domain.users.Role;
import java.util.UUID;

/** A person as lists and details show them beside a ticket or message. */
public record PersonRef(UUID id, long telegramId, String firstName, String username, Role role) {
}
