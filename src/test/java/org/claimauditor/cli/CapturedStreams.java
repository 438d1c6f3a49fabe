package org.claimauditor.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures System.out and System.err for each test and restores them afterwards. Register with
 * {@code @RegisterExtension final CapturedStreams streams = new CapturedStreams();}.
 */
final class CapturedStreams implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** The UTF-8 text written to System.out so far (since the last {@link #reset()}). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The UTF-8 text written to System.err so far (since the last {@link #reset()}). */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what both streams captured so far. */
    void reset() {
        out.reset();
        err.reset();
    }
}
