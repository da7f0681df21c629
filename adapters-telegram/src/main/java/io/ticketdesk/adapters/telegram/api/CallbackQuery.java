package io.ticketdesk.adapters.telegram.api;

/** A press on an inline button; {@code data} is ours, but arrives from the client and is never trusted. */
public record CallbackQuery(String id, User from, Message message, String inlineMessageId, String chatInstance,
                            String data) {
}
