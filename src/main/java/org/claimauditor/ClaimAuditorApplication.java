package org.claimauditor;

import org.claimauditor.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/**
 * One jar, two faces: {@code audit}, {@code validate-rules} and {@code test-rules} run as a plain command
 * line (no web server, fast start); {@code serve} (or no command) starts the REST host.
 */
@SpringBootApplication
@EnableScheduling
public class ClaimAuditorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(Cli.run(args));
        }
        String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        SpringApplication.run(ClaimAuditorApplication.class, rest);
    }
}
