package io.ticketdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Field names of JSON objects, to compare response shapes with the seed document field for field. */
final class JsonShapes {

    private JsonShapes() {
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static Set<String> fields(String... names) {
        return new TreeSet<>(Set.of(names));
    }
}
