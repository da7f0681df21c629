package io.ticketdesk.adapters.http.files;

import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.domain.files.StoredFile;
import java.time.Instant;
import java.util.UUID;

/** A file as the upload answers it: {@code url} is where to download it. */
public record FileResponse(UUID id, String filename, long size, String contentType, String url, Instant createdAt) {

    public static FileResponse from(StoredFile file) {
        return new FileResponse(file.id(), file.filename(), file.size(), file.contentType(),
                HttpApi.PREFIX + "/files/" + file.id(), file.createdAt());
    }
}
