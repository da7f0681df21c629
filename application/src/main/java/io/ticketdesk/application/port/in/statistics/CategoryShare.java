package io.ticketdesk.application.port.in.statistics;

import java.util.UUID;

/** Tickets of one category and their whole-number share of all tickets counted. */
public record CategoryShare(UUID id, String name, long count, int percentage) {
}
