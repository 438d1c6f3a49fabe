package org.claimauditor.codes;

/** A line of a code-set file that could not be used: file, 1-based line (0 = the file as a whole), and why. */
public record CodeFileProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
