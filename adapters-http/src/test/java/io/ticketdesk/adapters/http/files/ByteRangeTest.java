package io.ticketdesk.adapters.http.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none|1000|whole",
            "bytes=0-99|1000|0-99",
            "bytes=900-|1000|900-999",
            "bytes=900-5000|1000|900-999",
            "bytes=-10|1000|990-999",
            "bytes=-5000|1000|0-999",
            "bytes=999-999|1000|999-999",
            "bytes=1000-|1000|unsatisfiable",
            "bytes=-0|1000|unsatisfiable",
            "bytes=0-|0|unsatisfiable",
            "bytes=-1|0|unsatisfiable",
            "bytes=5-1|1000|whole",
            "bytes=0-1,5-6|1000|whole",
            "items=0-1|1000|whole",
            "bytes=-|1000|whole",
            "bytes=abc|1000|whole",
            "bytes=99999999999999999999-|1000|whole",
    })
    void readsOneRangeAndIgnoresWhatItCannotServe(String header, long size, String expected) {
        ByteRange.Request request = ByteRange.parse(header, size);

        String actual = request instanceof ByteRange.Part part
                ? part.range().first() + "-" + part.range().last()
                : request instanceof ByteRange.Unsatisfiable ? "unsatisfiable" : "whole";
        assertEquals(expected, actual);
    }
}
