package io.ticketdesk.adapters.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Times on the wire: the hand-written format agrees with ISO_INSTANT in whole seconds everywhere. */
class JsonMappingTest {

    private static String isoWholeSeconds(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aTimeIsWrittenAsIsoInstantInWholeSecondsAcrossTheWholeRange() {
        SplittableRandom random = new SplittableRandom(20261130);
        for (int i = 0; i < 100_000; i++) {
            Instant value = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
            assertEquals(isoWholeSeconds(value), JsonMapping.wholeSeconds(value), value::toString);
        }
        for (Instant edge : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX}) {
            assertEquals(isoWholeSeconds(edge), JsonMapping.wholeSeconds(edge), edge::toString);
        }
    }

    @Test
    void theApiMapperWritesTimesThatWay() throws Exception {
        assertEquals("\"2024-06-01T10:00:05Z\"",
                JsonMapping.objectMapper().writeValueAsString(Instant.parse("2024-06-01T10:00:05.987654Z")));
    }
}
