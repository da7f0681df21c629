package io.ticketdesk.application.port.in.files;

import io.ticketdesk.domain.files.StoredFile;

/** A person uploads a file to attach to a message later. */
public interface UploadFileUseCase {

    /** Streams the bytes into the file store; past {@link #maxBytes()} nothing is kept. */
    StoredFile upload(UploadFileCommand command);

    /** The largest upload accepted, in bytes. */
    long maxBytes();
}
