package io.ticketdesk.application.port.in.files;

import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** Someone downloads a file; a file they may not read is "not found", exactly like a missing one. */
public interface DownloadFileUseCase {

    FileDownload download(User reader, UUID fileId);
}
