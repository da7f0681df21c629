package io.ticketdesk.adapters.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How the API writes and reads JSON: snake_case fields, times as {@code 2024-01-01T10:00:00Z}. */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper objectMapper() {
        SimpleModule instants = new SimpleModule("instants-in-whole-seconds");
        instants.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(wholeSeconds(value));
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(instants)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The first second of the year 10000, from which ISO_INSTANT writes a sign and five digits. */
    private static final long YEAR_10000 = 253_402_300_800L;

    /**
     * {@code value} as ISO_INSTANT writes it in whole seconds; written by hand for the years 1970 to
     * 9999 (a page of tickets has a hundred times, and the formatter was a tenth of a list's JSON time).
     */
    static String wholeSeconds(Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS));
        }
        LocalDateTime at = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] text = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
        digits(text, 0, at.getYear(), 4);
        digits(text, 5, at.getMonthValue(), 2);
        digits(text, 8, at.getDayOfMonth(), 2);
        digits(text, 11, at.getHour(), 2);
        digits(text, 14, at.getMinute(), 2);
        digits(text, 17, at.getSecond(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int from, int number, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + number % 10);
            number /= 10;
        }
    }
}
