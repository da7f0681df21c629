package io.ticketdesk.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 7: the service's own logback.xml escapes control characters from requests. */
class LogEscapingTest {

    /** One event formatted by the appender of the production logback.xml, as it would be printed. */
    private static String printed(String message, Throwable failure, Object... args) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogEscapingTest.class.getClassLoader().getResource("logback.xml"));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender("STDOUT");
        assertNotNull(appender, context.getStatusManager().getCopyOfStatusList().toString());
        Encoder<ILoggingEvent> encoder = ((ConsoleAppender<ILoggingEvent>) appender).getEncoder();
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), root, Level.WARN, message, failure, args);
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }

    @Test
    void aNulOrALineBreakFromARequestIsEscapedAndTheEventStaysOneLine() throws Exception {
        String printed = printed("search for {}", null, "abc\u0000def\r\nFORGED 2026-01-01 INFO admin logged in\u001b[31m");

        assertFalse(printed.contains("\u0000"), printed);
        assertFalse(printed.contains("\u001b"), printed);
        assertEquals(1, printed.strip().lines().count(), printed);
        assertTrue(printed.contains("abc\\u0000def\\u000d\\u000aFORGED"), printed);
    }

    @Test
    void stackTracesKeepTheirLinesButNotRawControlCharacters() throws Exception {
        String printed = printed("unexpected failure", new IllegalStateException("value was \u0000\u0007 here"));

        assertFalse(printed.contains("\u0000"), printed);
        assertFalse(printed.contains("\u0007"), printed);
        assertTrue(printed.contains("value was \\u0000\\u0007 here"), printed);
        assertTrue(printed.lines().anyMatch(line -> line.strip().startsWith("at ")), printed);
    }
}
