package org.claimauditor.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code java -Xmx… -jar claim-auditor.jar audit …} in a child JVM exactly as a user would, adding only a GC
 * log, and measures it from outside: wall time from start to exit, heap from the GC log ({@link GcLog}), and peak
 * resident memory ({@code VmHWM} of {@code /proc/<pid>/status}, polled while it runs; Linux only).
 *
 * @param command    the command line run
 * @param exitCode   the audit's exit code (0 no claim rejected, 1 findings, 2 usage, 3 internal failure), or
 *                   {@link #TIMED_OUT} when it was stopped after the time limit
 * @param wallNanos  start to exit
 * @param heap       heap figures from the GC log (zeros when the JVM wrote none)
 * @param peakRssKb  peak resident set in KiB, -1 when not measurable
 * @param stdout     the child's standard output
 * @param stderr     the child's standard error
 */
public record ChildAudit(List<String> command, int exitCode, long wallNanos, GcLog heap, long peakRssKb,
                         String stdout, String stderr) {

    /** The exit code recorded for a child stopped at the time limit. */
    public static final int TIMED_OUT = -1;

    private static final Pattern HWM = Pattern.compile("(?m)^VmHWM:\\s+(\\d+)\\s+kB");
    private static final long POLL_MILLIS = 100;

    /** Whether the audit ran to the end (0 or 1); 2 and 3 mean it stopped with an error. */
    public boolean completed() {
        return exitCode == 0 || exitCode == 1;
    }

    /** The first line of what the audit printed on stderr (its one-line failure), or "". */
    public String firstErrorLine() {
        if (exitCode == TIMED_OUT) {
            return "stopped at the time limit (--timeout)";
        }
        return stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** Runs the audit; {@code limitSeconds > 0} stops it after that long (a JVM short of heap can collect for hours). */
    public static ChildAudit run(Path jar, String heap, List<String> auditArgs, Path logDir, long limitSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path gcLog = logDir.resolve("audit-gc.log");
        Path out = logDir.resolve("audit-stdout.txt");
        Path err = logDir.resolve("audit-stderr.txt");
        Files.deleteIfExists(gcLog);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, GcLog.option(gcLog), "-jar", jar.toString(), "audit"));
        cmd.addAll(auditArgs);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long deadline = limitSeconds > 0 ? start + limitSeconds * 1_000_000_000L : Long.MAX_VALUE;
        long hwm = -1;
        boolean timedOut = false;
        try {
            while (p.isAlive()) {
                hwm = Math.max(hwm, highWaterMarkKb(status));
                if (System.nanoTime() - deadline > 0) {
                    timedOut = true;
                    p.destroyForcibly().waitFor();
                    break;
                }
                p.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        long wall = System.nanoTime() - start;
        GcLog gc = Files.exists(gcLog) ? GcLog.parse(gcLog) : new GcLog(0, 0, 0, 0);
        return new ChildAudit(cmd, timedOut ? TIMED_OUT : p.exitValue(), wall, gc, hwm, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** VmHWM of a live process in KiB; -1 when it cannot be read (not Linux, or the process has just ended). */
    static long highWaterMarkKb(Path procStatus) {
        try {
            Matcher m = HWM.matcher(Files.readString(procStatus, StandardCharsets.ISO_8859_1));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The jar this code runs from: {@code java -jar target/claim-auditor.jar} loads it from Spring Boot's nested jar
     * ({@code jar:nested:/…/claim-auditor.jar/!BOOT-INF/classes/!/}); null when running from a classes folder.
     */
    public static Path runningJar() {
        URL location = ChildAudit.class.getProtectionDomain().getCodeSource().getLocation();
        return jarOf(location.toString());
    }

    static Path jarOf(String location) {
        String s = location;
        if (s.startsWith("jar:")) {
            s = s.substring(4);
        }
        if (s.startsWith("nested:")) {
            s = "file:" + s.substring("nested:".length());
        }
        int bang = s.indexOf('!');
        if (bang >= 0) {
            s = s.substring(0, bang);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.endsWith(".jar")) {
            return null;
        }
        try {
            return Path.of(new java.net.URI(s));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
