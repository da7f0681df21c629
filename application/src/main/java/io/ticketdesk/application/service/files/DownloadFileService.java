package io.ticketdesk.application.service.files;

import io.ticketdesk.application.port.in.files.DownloadFileUseCase;
import io.ticketdesk.application.port.in.files.FileDownload;
import io.ticketdesk.application.port.out.files.AttachedMessageAccess;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.files.StoredFile;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

public record DownloadFileService(FileRepository files, FileStore store, AttachedMessageAccess attachedMessages)
        implements DownloadFileUseCase {

    @Override
    public FileDownload download(User reader, UUID fileId) {
        reader.requireActive();
        StoredFile file = files.findById(fileId)
                .filter(found -> mayRead(reader, found))
                .orElseThrow(() -> new NotFoundException("file.not_found"));
        return new FileDownload(file, (offset, length) -> store.open(file.id(), offset, length));
    }

    /**
     * Who may read a file (SPEC §5): its uploader, and whoever may see the message it is attached
     * to. Staff get no blanket access: an unattached upload is its uploader's alone.
     */
    private boolean mayRead(User reader, StoredFile file) {
        return file.isUploadedBy(reader.id())
                || file.attachedTo().map(messageId -> attachedMessages.maySee(reader, messageId)).orElse(false);
    }
}
