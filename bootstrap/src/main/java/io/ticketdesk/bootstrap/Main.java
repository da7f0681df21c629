package io.ticketdesk.bootstrap;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import sun.misc.Signal;

/** {@code java -jar ticketbot.jar [serve | sign-init-data ...]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
        } catch (Settings.InvalidSettingException bad) {
            System.err.println("configuration error: " + bad.getMessage());
            System.exit(2);
            return;
        }
        LogOutput.use(settings.logFormat());
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals(SignInitDataCommand.NAME)) {
            try {
                System.out.println(SignInitDataCommand.run(arguments.subList(1, arguments.size()), settings,
                        Clock.systemUTC()));
                return;
            } catch (IllegalArgumentException bad) {
                System.err.println(bad.getMessage());
                System.exit(2);
                return;
            }
        }
        if (!arguments.isEmpty() && !arguments.get(0).equals("serve")) {
            System.err.println("usage: ticketbot.jar [serve | " + SignInitDataCommand.NAME + " --help]");
            System.exit(2);
            return;
        }
        TicketDeskService service;
        try {
            service = TicketDeskService.start(settings, Clock.systemUTC());
        } catch (RuntimeException failed) {
            System.err.println("start-up failed: " + failed.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "ticketdesk-shutdown"));
        exitCleanlyOn(service, "TERM", "INT");
    }

    /**
     * A stop someone asked for (SIGTERM from a container runtime or systemd, Ctrl-C) is not a
     * failure: stop gracefully and exit 0 rather than the JVM's default 128 + signal number.
     */
    private static void exitCleanlyOn(TicketDeskService service, String... signals) {
        for (String name : signals) {
            try {
                Signal.handle(new Signal(name), received -> {
                    service.close();
                    System.exit(0);
                });
            } catch (IllegalArgumentException unsupported) {
                // no such signal here: the shutdown hook still stops the service, with the JVM's own exit code
            }
        }
    }
}
