package org.claimauditor;

import org.claimauditor.api.ServeSettings;
import org.claimauditor.cli.Cli;
import org.claimauditor.io.ReferenceDataException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One jar, two faces: {@code audit}, {@code validate-rules} and {@code test-rules} run as a plain command
 * line (no web server, fast start); {@code serve} (or no argument at all) starts the REST host. Anything else is
 * answered by the command line ({@code --help}, {@code --version}, "unknown command"), never by a server.
 */
@SpringBootApplication
@EnableScheduling
public class ClaimAuditorApplication {

    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] {"serve"} : args;
        if (!command[0].equals("serve")) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            // logging set up on this thread, before commands start loading on several: else SLF4J replays (and
            // announces) calls made by other threads while it initialises
            org.slf4j.LoggerFactory.getILoggerFactory();
        }
        int exit = Cli.run(command);
        if (exit != Cli.SERVING) {
            System.exit(exit);
        }
    }

    /**
     * Starts the REST host with Spring settings ({@code --name=value}); returns {@link Cli#SERVING} once it runs. A
     * missing or wrong setting ({@link ServeSettings}) is one line and {@link Cli#USAGE}; reference data that cannot
     * be loaded is Spring's failure analysis (one cause, what to do) and {@link Cli#USAGE}.
     */
    public static int serve(String[] settings) {
        SpringApplication app = new SpringApplication(ClaimAuditorApplication.class);
        app.addListeners(new ServeSettings());
        try {
            app.run(settings);
            return Cli.SERVING;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ServeSettings.Invalid) {
                    System.err.println(t.getMessage());
                    return Cli.USAGE;
                }
                if (t instanceof ReferenceDataException) {
                    return Cli.USAGE; // ReferenceDataFailureAnalyzer has printed the cause
                }
            }
            throw e;
        }
    }
}
