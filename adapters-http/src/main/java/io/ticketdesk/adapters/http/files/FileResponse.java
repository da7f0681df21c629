package io.ticketdesk.adapters.http.files;

import io.ticketdesk.domain.files.StoredFile;
import java.time.Instant;
import java.util.UUID;

/** A file as the upload answers it: {@code url} is where to download it. */
public record FileResponse(UUID id, String filename, long size, String contentType, String url, Instant createdAt) {

    public static FileResponse from(StoredFile file, String prefix) {
        return new FileResponse(file.id(), file.filename(), file.size(), file.contentType(),
                prefix + "/files/" + file.id(), file.createdAt());
    }
}
