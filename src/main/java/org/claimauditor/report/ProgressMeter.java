package org.claimauditor.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims per second and time left, redrawn on one stderr line every second while a long run works. Silent
 * when not on a terminal ({@code System.console() == null}), so logs and CI output get no carriage returns.
 * {@link #advance} is cheap and thread-safe; only the meter's own timer thread prints.
 */
public final class ProgressMeter implements AutoCloseable {

    private final String label;
    private final long total;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService timer;
    private int lastWidth;

    private ProgressMeter(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        if (terminal) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        } else {
            timer = null;
        }
    }

    /** A meter on stderr, shown only when the program runs on a terminal. */
    public static ProgressMeter start(String label, long total) {
        return start(label, total, System.err, System.console() != null);
    }

    static ProgressMeter start(String label, long total, PrintStream out, boolean terminal) {
        return new ProgressMeter(label, total, out, terminal);
    }

    public void advance(long n) {
        done.addAndGet(n);
    }

    boolean showing() {
        return timer != null;
    }

    private void draw() {
        String line = line(label, done.get(), total, System.nanoTime() - startNanos);
        int pad = Math.max(0, lastWidth - line.length());
        lastWidth = line.length();
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
    }

    /** Stops the timer and wipes the line, so the summary that follows starts on a clean line. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
        }
    }

    /** E.g. {@code Auditing 12,345 / 100,000 claims (12.3 %)  4,321 claims/s  ETA 0:21}. */
    static String line(String label, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && total >= done ? duration((long) Math.ceil((total - done) / rate)) : "--:--";
        double pct = total > 0 ? 100.0 * done / total : 0;
        return String.format(Locale.US, "%s %,d / %,d claims (%.1f %%)  %,d claims/s  ETA %s",
                label, done, total, pct, Math.round(rate), eta);
    }

    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
