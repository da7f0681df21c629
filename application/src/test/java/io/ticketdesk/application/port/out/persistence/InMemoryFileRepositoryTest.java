package io.ticketdesk.application.port.out.persistence;

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
    protected UUID someoneElse() {
        return UUID.randomUUID();
    }

    @Override
    protected UUID newTicket() {
        return UUID.randomUUID();
    }

    @Override
    protected UUID newMessage(UUID ticketId) {
        UUID message = UUID.randomUUID();
        repository.messageOnTicket(message, ticketId);
        return message;
    }
}
