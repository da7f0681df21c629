package io.ticketdesk.adapters.telegram.api;

/** Why a request failed and what to do: wait this long, or use the group's new id. */
public record ResponseParameters(Long migrateToChatId, Integer retryAfter) {
}
