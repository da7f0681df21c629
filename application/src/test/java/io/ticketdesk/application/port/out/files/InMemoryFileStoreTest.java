package io.ticketdesk.application.port.out.files;

import java.util.UUID;

class InMemoryFileStoreTest extends FileStoreContract {

    private final InMemoryFileStore store = new InMemoryFileStore();

    @Override
    protected FileStore store() {
        return store;
    }

    @Override
    protected boolean nothingStoredUnder(UUID key) {
        return !store.holds(key);
    }
}
