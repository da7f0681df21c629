package io.ticketdesk.adapters.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.tickets.TicketChange;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST names of the core's fields: every field has one, each names one field, the JSON stays as it was. */
class WireNamesTest {

    @Test
    void everyCoreFieldHasItsOwnWireNameAndComesBackFromIt() {
        List<String> names = Arrays.stream(InputField.values()).map(WireNames::of).toList();

        assertEquals(InputField.values().length, new HashSet<>(names).size(), "no two fields share a name");
        for (InputField field : InputField.values()) {
            assertEquals(field, WireNames.field(WireNames.of(field)));
        }
        assertThrows(IllegalArgumentException.class, () -> WireNames.field("categoryId"));
    }

    @Test
    void theNamesClientsAlreadyUse() {
        assertEquals("category_id", WireNames.of(InputField.CATEGORY));
        assertEquals("assigned_to", WireNames.of(InputField.ASSIGNEE));
        assertEquals("is_internal", WireNames.of(InputField.INTERNAL));
        assertEquals("from_date", WireNames.of(InputField.FROM_DATE));
        assertEquals("initData", WireNames.of(InputField.INIT_DATA));
        assertEquals("assigned_to", WireNames.of(TicketChange.Field.ASSIGNEE));
        assertEquals("title", WireNames.of(TicketChange.Field.TITLE));
    }
}
