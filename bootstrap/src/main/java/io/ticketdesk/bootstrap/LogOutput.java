package io.ticketdesk.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** {@code LOG_FORMAT}: plain text lines ({@code logback.xml}) or JSON lines ({@code logback-json.xml}). */
final class LogOutput {

    static final String JSON_CONFIGURATION = "/logback-json.xml";

    private LogOutput() {
    }

    /** Switches logging to JSON lines before anything else logs; text needs nothing (logback.xml is the default). */
    static void use(Settings.LogFormat format) {
        if (format == Settings.LogFormat.JSON) {
            configure(LogOutput.class.getResource(JSON_CONFIGURATION));
        }
    }

    /** Replaces the whole logging configuration with the one at {@code configuration}. */
    static void configure(URL configuration) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("logging configuration " + configuration + " is broken", e);
        }
    }
}
