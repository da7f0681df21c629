package io.ticketdesk.adapters.telegram.api;

/** A Telegram account (person or bot). */
public record User(long id, boolean isBot, String firstName, String lastName, String username,
                   String languageCode) {
}
