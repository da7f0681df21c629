package io.ticketdesk.adapters.telegram.api;

/** A command shown in the chat's menu. */
public record BotCommand(String command, String description) {
}
