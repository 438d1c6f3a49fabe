package org.claimauditor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures of a JVM from its unified GC log ({@code -Xlog:gc,gc+heap+exit:file=…}): each collection logs
 * {@code GC(n) Pause … 812M->145M(1024M) 12.3ms} (used before, used after, committed), and the exit line
 * {@code garbage-first heap total 262144K, used 54321K} gives the heap in use when the JVM ended.
 *
 * @param peakUsedBytes     the most heap in use seen: the largest "before" of any collection, or the use at exit
 *                          (a lower bound of the true peak, which may fall between two log lines)
 * @param maxAfterGcBytes   the largest heap in use right after a collection: what the program really held
 * @param maxCommittedBytes the largest heap the JVM had reserved from the OS
 * @param collections       the number of collections logged with sizes (pauses and full GCs)
 */
public record GcLog(long peakUsedBytes, long maxAfterGcBytes, long maxCommittedBytes, int collections) {

    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\).*?(\\d+)([BKMG])->(\\d+)([BKMG])\\((\\d+)([BKMG])\\)");
    private static final Pattern EXIT = Pattern.compile("heap\\s+total (\\d+)([BKMG]), used (\\d+)([BKMG])");

    /** The JVM options that make a log this class reads. */
    public static String option(Path file) {
        return "-Xlog:gc,gc+heap+exit:file=" + file;
    }

    public static GcLog parse(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        }
    }

    static GcLog parse(BufferedReader r) throws IOException {
        long peak = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
                committed = Math.max(committed, bytes(m.group(5), m.group(6)));
                collections++;
                continue;
            }
            Matcher e = EXIT.matcher(line);
            if (e.find()) {
                committed = Math.max(committed, bytes(e.group(1), e.group(2)));
                peak = Math.max(peak, bytes(e.group(3), e.group(4)));
            }
        }
        return new GcLog(peak, after, committed, collections);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            default -> n;
        };
    }
}
