package org.claimauditor.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The audit history database for the command line (the REST host uses Spring's DataSource and Flyway): an H2 file
 * under the data folder unless a JDBC URL is given, migrated by Flyway before first use.
 */
public final class HistoryDatabase implements AutoCloseable {

    /** Where the Flyway scripts are, for the command line and for Spring ({@code spring.flyway.locations}). */
    public static final String MIGRATIONS = "classpath:db/migration";
    /** The H2 file's name under the data folder (H2 adds {@code .mv.db}). */
    public static final String H2_NAME = "history";

    private final HikariDataSource dataSource;
    private final String url;

    private HistoryDatabase(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    /**
     * The embedded default: an H2 file in {@code dataDir}. AUTO_SERVER lets a second process (an {@code audit}
     * while {@code serve} runs on the same folder) open it too instead of failing on the file lock. No trace file:
     * H2 would write failing statements, values included, to {@code history.trace.db} beside the data.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(H2_NAME) + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0";
    }

    /**
     * Opens and migrates the database.
     *
     * @throws HistoryException naming the URL (never the password) when it cannot be reached or migrated
     */
    public static HistoryDatabase open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setPoolName("history");
        // fail at once with the driver's reason rather than after Hikari's retries
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new HistoryException("history database " + url + ": " + rootMessage(e), e);
        }
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw new HistoryException("history database " + url + ": " + rootMessage(e), e);
        }
        return new HistoryDatabase(ds, url);
    }

    /** Brings the schema up to date (a new database gets every script; a current one nothing). */
    public static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations(MIGRATIONS).load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
