package io.ticketdesk.application.port.out.persistence;

import io.ticketdesk.domain.files.StoredFile;
import java.util.UUID;

class InMemoryFileRepositoryTest extends FileRepositoryContract {

    private final InMemoryFileRepository repository = new InMemoryFileRepository();
    private final UUID uploader = UUID.randomUUID();

    @Override
    protected FileRepository repository() {
        return repository;
    }

    @Override
    protected UUID uploader() {
        return uploader;
    }

    @Override
    protected void attach(UUID fileId, UUID messageId) {
        StoredFile file = repository.findById(fileId).orElseThrow();
        repository.save(new StoredFile(file.id(), file.uploaderId(), file.filename(), file.contentType(), file.size(),
                file.sha256(), messageId, file.createdAt()));
    }
}
