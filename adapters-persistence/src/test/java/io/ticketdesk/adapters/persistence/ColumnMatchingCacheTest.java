package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Columns are matched once per column list, and each list keeps its own positions. */
class ColumnMatchingCacheTest {

    record Pair(String name, Integer rank) {
    }

    private static PostgresDatabase database;

    @BeforeAll
    static void open() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 2);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void twoColumnOrdersOfOneRecordEachMapTheirOwnColumnsAndAreMatchedOnce() {
        ColumnMatchingCache<Pair> mapper = ColumnMatchingCache.of(Pair.class);
        for (int round = 0; round < 3; round++) {
            int r = round;
            List<Pair> nameFirst = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT 'a' || :r AS name, CAST(:r AS int) AS rank UNION ALL SELECT 'b', NULL")
                    .bind("r", r).map(mapper).list());
            Pair rankFirst = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT CAST(:r AS int) + 10 AS rank, 'c' AS name").bind("r", r).map(mapper).one());

            assertEquals(List.of(new Pair("a" + r, r), new Pair("b", null)), nameFirst);
            assertEquals(new Pair("c", r + 10), rankFirst);
        }
        assertEquals(2, mapper.columnListsKnown());
    }

    @Test
    void aColumnListThatLacksAComponentStillFailsAsTheConstructorMapperDoes() {
        ColumnMatchingCache<Pair> mapper = ColumnMatchingCache.of(Pair.class);
        for (int round = 0; round < 2; round++) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> database.jdbi().withHandle(h -> h.createQuery("SELECT 'x' AS name").map(mapper).one()));
            assertTrue(refused.getMessage().contains("rank"), refused.getMessage());
        }
    }
}
