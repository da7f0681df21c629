package io.ticketdesk.adapters.telegram.api;

/** A file sent as a document. */
public record Document(String fileId, String fileUniqueId, String fileName, String mimeType, Long fileSize) {
}
