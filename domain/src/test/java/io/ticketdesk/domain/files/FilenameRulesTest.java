package io.ticketdesk.domain.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FilenameRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report.pdf|report.pdf",
            "../../etc/passwd|passwd",
            "..\\..\\windows\\system32\\config|config",
            "C:\\Users\\ann\\Фото отпуска.jpg|Фото отпуска.jpg",
            "..|file",
            "/|file",
            "'   '|file",
            ".bashrc|bashrc",
            "invoice.pdf.|invoice.pdf",
            "отчёт 2024 📎.docx|отчёт 2024 📎.docx",
    })
    void keepsOnlyASafeLastPart(String given, String expected) {
        assertEquals(expected, FilenameRules.safe(given));
    }

    @Test
    void dropsControlAndBidiOverrideCharacters() {
        assertEquals("evilgpj.exe", FilenameRules.safe("evil\u202Egpj.exe"));
        assertEquals("line break.txt", FilenameRules.safe("line\n break\u0000.txt"));
    }

    @Test
    void replacesCharactersWindowsRefuses() {
        assertEquals("a_b_c_d_e_f_g_h.txt", FilenameRules.safe("a<b>c:d\"e|f?g*h.txt"));
    }

    @Test
    void aMissingNameBecomesTheFallback() {
        assertEquals("file", FilenameRules.safe(null));
        assertEquals("file", FilenameRules.safe(""));
    }

    @Test
    void aLongNameIsCutToTheByteLimitKeepingItsExtension() {
        String safe = FilenameRules.safe("я".repeat(300) + ".tar.gz");

        assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= FilenameRules.MAX_UTF8_BYTES, safe);
        assertTrue(safe.endsWith("я.gz"), safe);
    }
}
