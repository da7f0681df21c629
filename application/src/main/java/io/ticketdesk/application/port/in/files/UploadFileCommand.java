package io.ticketdesk.application.port.in.files;

import io.ticketdesk.domain.files.FilenameRules;
import io.ticketdesk.domain.users.User;
import java.io.InputStream;
import java.util.Objects;

/** An upload: who sends it, the name their client gave it (made safe here) and the bytes, read once. */
public record UploadFileCommand(User uploader, String filename, InputStream content) {

    public UploadFileCommand {
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(content, "content");
        filename = FilenameRules.safe(filename);
    }
}
