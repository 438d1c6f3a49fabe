package org.claimauditor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * A loading step (tables, code sets, rules) run on its own thread while the claims are being grouped. What it
 * prints is kept and printed by {@link #join} on the caller's thread, so the output reads in the same order as a
 * run that loads one thing after the other. The step returns null after printing why it failed.
 */
final class Background<T> {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final CompletableFuture<T> result;

    private Background(String name, BiFunction<PrintStream, PrintStream, T> step) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(step.apply(out, err));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Background.class.getClassLoader());
        thread.start();
    }

    static <T> Background<T> start(String name, BiFunction<PrintStream, PrintStream, T> step) {
        return new Background<>(name, step);
    }

    /** True once the step has ended without a result: there is no point in going on. */
    boolean failed() {
        return result.isDone() && (result.isCompletedExceptionally() || result.getNow(null) == null);
    }

    /** Waits for the step, prints what it printed, and returns its result (null when it failed). */
    T join(PrintStream out, PrintStream err) {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw e;
        } finally {
            out.print(outBytes.toString(StandardCharsets.UTF_8));
            err.print(errBytes.toString(StandardCharsets.UTF_8));
            out.flush();
            err.flush();
        }
    }
}
