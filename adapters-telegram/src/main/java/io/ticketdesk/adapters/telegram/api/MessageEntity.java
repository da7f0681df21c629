package io.ticketdesk.adapters.telegram.api;

/** A marked part of a text (a bot command, a link); offsets in UTF-16 code units. */
public record MessageEntity(String type, int offset, int length) {
}
