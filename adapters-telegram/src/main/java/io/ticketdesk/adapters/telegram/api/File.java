package io.ticketdesk.adapters.telegram.api;

/** A file ready to download from {@code /file/bot<token>/<filePath>} (files up to 20 MB). */
public record File(String fileId, String fileUniqueId, Long fileSize, String filePath) {
}
