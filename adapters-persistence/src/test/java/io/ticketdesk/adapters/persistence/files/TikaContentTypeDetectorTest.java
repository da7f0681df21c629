package io.ticketdesk.adapters.persistence.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TikaContentTypeDetectorTest {

    private static final byte[] ONE_PIXEL_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final TikaContentTypeDetector detector = new TikaContentTypeDetector();

    @Test
    void tellsTypesApartByTheirBytes() {
        assertEquals("image/png", detector.detect(ONE_PIXEL_PNG));
        assertEquals("application/pdf", detector.detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("text/html", detector.detect("<!DOCTYPE html><html><body><script>alert(1)</script>"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("text/plain", detector.detect("just some words\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("application/octet-stream", detector.detect(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7}));
        assertEquals("application/octet-stream", detector.detect(new byte[0]));
    }

    @Test
    void wantsEnoughBytesForEveryMagicItKnows() {
        assertTrue(detector.headLength() >= 1024, "head " + detector.headLength());
    }
}
