package io.ticketdesk.adapters.persistence.files;

import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.files.FileStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresFileStoreTest extends FileStoreContract {

    private static PostgresDatabase database;
    private static PostgresFileStore store;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 4);
        store = new PostgresFileStore(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected FileStore store() {
        return store;
    }

    @Override
    protected boolean nothingStoredUnder(UUID key) {
        return database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT count(*) FROM file_chunks WHERE file_id = :key")
                .bind("key", key)
                .mapTo(Integer.class)
                .one()) == 0;
    }
}
