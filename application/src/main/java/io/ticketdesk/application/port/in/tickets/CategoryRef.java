package io.ticketdesk.application.port.in.tickets;

import java.util.UUID;

/** A ticket's category as lists and details show it. */
public record CategoryRef(UUID id, String name, String icon, String color) {
}
