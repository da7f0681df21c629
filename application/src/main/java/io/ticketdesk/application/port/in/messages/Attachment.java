package io.ticketdesk.application.port.in.messages;

import java.util.UUID;

/** A file as a message lists it. */
public record Attachment(UUID id, String filename, long size, String contentType) {
}
