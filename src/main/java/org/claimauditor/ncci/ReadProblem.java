package org.claimauditor.ncci;

/** A row of a reference file that could not be read: file, 1-based line (or spreadsheet row), and why. */
public record ReadProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
