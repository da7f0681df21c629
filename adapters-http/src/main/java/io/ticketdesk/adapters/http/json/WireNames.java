package io.ticketdesk.adapters.http.json;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.tickets.TicketChange;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The names the REST API and the WebSocket give to the core's field identities, both ways. */
public final class WireNames {

    private static final Map<InputField, String> INPUT = new EnumMap<>(Map.ofEntries(
            Map.entry(InputField.TITLE, "title"),
            Map.entry(InputField.DESCRIPTION, "description"),
            Map.entry(InputField.CONTENT, "content"),
            Map.entry(InputField.CATEGORY, "category_id"),
            Map.entry(InputField.PRIORITY, "priority"),
            Map.entry(InputField.STATUS, "status"),
            Map.entry(InputField.ASSIGNEE, "assigned_to"),
            Map.entry(InputField.INTERNAL, "is_internal"),
            Map.entry(InputField.ATTACHMENTS, "attachments"),
            Map.entry(InputField.SORT, "sort"),
            Map.entry(InputField.SEARCH, "search"),
            Map.entry(InputField.PAGE, "page"),
            Map.entry(InputField.SIZE, "size"),
            Map.entry(InputField.ROLE, "role"),
            Map.entry(InputField.ACTIVE, "is_active"),
            Map.entry(InputField.INCLUDE_INACTIVE, "include_inactive"),
            Map.entry(InputField.FIRST_NAME, "first_name"),
            Map.entry(InputField.LAST_NAME, "last_name"),
            Map.entry(InputField.USERNAME, "username"),
            Map.entry(InputField.NAME, "name"),
            Map.entry(InputField.ICON, "icon"),
            Map.entry(InputField.COLOR, "color"),
            Map.entry(InputField.SORT_ORDER, "sort_order"),
            Map.entry(InputField.FROM_DATE, "from_date"),
            Map.entry(InputField.TO_DATE, "to_date"),
            Map.entry(InputField.INIT_DATA, "initData"),
            Map.entry(InputField.HASH, "hash"),
            Map.entry(InputField.FILE, "file")));
    private static final Map<String, InputField> BY_WIRE_NAME = INPUT.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    static {
        // every field of the core has a name here: a missing one would fail at start-up, not in a request
        Arrays.stream(InputField.values()).filter(field -> !INPUT.containsKey(field)).findAny().ifPresent(field -> {
            throw new IllegalStateException("no wire name for " + field);
        });
    }

    private WireNames() {
    }

    /** A request field's name in JSON bodies, query strings and {@code error.details[].field}. */
    public static String of(InputField field) {
        return INPUT.get(field);
    }

    /** The core's field behind a wire name this adapter reads. */
    public static InputField field(String wireName) {
        InputField field = BY_WIRE_NAME.get(wireName);
        if (field == null) {
            throw new IllegalArgumentException("no core field is called " + wireName + " on the wire");
        }
        return field;
    }

    /** A ticket field as a key of {@code ticket_updated.changes} and of the history. */
    public static String of(TicketChange.Field field) {
        return switch (field) {
            case TITLE -> "title";
            case PRIORITY -> "priority";
            case ASSIGNEE -> "assigned_to";
            case STATUS -> "status";
        };
    }
}
