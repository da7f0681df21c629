package io.ticketdesk.application.port.in.files;

import io.ticketdesk.domain.files.StoredFile;

/** A file the caller may read: what it is, and its bytes. */
public record FileDownload(StoredFile file, FileContent content) {
}
