package org.claimauditor.cli;

import org.claimauditor.history.HistoryDatabase;
import org.claimauditor.history.HistoryException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the audit history is: {@code --db-url} (or SPRING_DATASOURCE_URL, the setting the REST host reads), else an
 * H2 file in the data folder. The password is read from the environment only, never from the command line, where
 * any user could see it in the process list.
 */
final class DatabaseOptions {

    @Option(names = "--db-url", paramLabel = "JDBC-URL",
            description = "History database, e.g. jdbc:postgresql://host/claims (default: $SPRING_DATASOURCE_URL, "
                    + "else an H2 file under --data-dir). Password: $SPRING_DATASOURCE_PASSWORD.")
    String url;

    @Option(names = "--db-user", paramLabel = "NAME", description = "History database user (default: $SPRING_DATASOURCE_USERNAME).")
    String user;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded H2 history database (default: $AUDITOR_DATA_DIR, else ./data).")
    Path dataDir;

    String url() {
        if (url != null) {
            return url;
        }
        String env = System.getenv("SPRING_DATASOURCE_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String dir = System.getenv("AUDITOR_DATA_DIR");
        return HistoryDatabase.h2Url(dataDir != null ? dataDir : Path.of(dir != null && !dir.isBlank() ? dir : "data"));
    }

    /** Opens and migrates the database; a failure is one line naming it (the caller exits 2). */
    HistoryDatabase open() throws HistoryException {
        String u = user != null ? user : System.getenv("SPRING_DATASOURCE_USERNAME");
        return HistoryDatabase.open(url(), u, System.getenv("SPRING_DATASOURCE_PASSWORD"));
    }

    static java.time.Instant cutoff(int days, Clock clock) {
        return clock.instant().minus(Duration.ofDays(days));
    }
}
