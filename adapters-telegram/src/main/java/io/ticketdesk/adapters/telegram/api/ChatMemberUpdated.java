package io.ticketdesk.adapters.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The bot's own membership changed in a chat (blocked, unblocked, added to a group). */
public record ChatMemberUpdated(Chat chat, User from, long date, JsonNode oldChatMember, JsonNode newChatMember) {
}
