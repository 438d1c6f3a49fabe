package org.claimauditor.io;

/**
 * Reference data (NCCI tables, code sets) that cannot be loaded as a whole: an expected, user-fixable failure
 * whose one-line message names the file (and line or row) and says what is wrong. Callers print the message, never
 * a stack trace; the REST host refuses to start with it (see {@code api.ReferenceDataFailureAnalyzer}).
 */
public class ReferenceDataException extends RuntimeException {

    public ReferenceDataException(String message) {
        super(message);
    }

    /** {@code file:line: why}, or {@code file: why} when {@code line} is 0 (the file as a whole). */
    public static String where(String file, long line, String why) {
        return file + (line > 0 ? ":" + line : "") + ": " + why;
    }

    /** The first line of the first message in {@code e}'s causes: libraries put advice on later lines. */
    public static String reason(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
