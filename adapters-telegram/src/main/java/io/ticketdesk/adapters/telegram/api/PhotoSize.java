package io.ticketdesk.adapters.telegram.api;

/** One size of a photo; a message carries several, the largest last. */
public record PhotoSize(String fileId, String fileUniqueId, int width, int height, Long fileSize) {
}
