package io.ticketdesk.application.port.in.files;

import io.ticketdesk.domain.files.FilenameRules;
import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;

/** An upload: who sends it, the name their client gave it (made safe here) and the bytes, read once. */
public record UploadFileCommand(UUID uploaderId, String filename, InputStream content) {

    public UploadFileCommand {
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(content, "content");
        filename = FilenameRules.safe(filename);
    }
}
