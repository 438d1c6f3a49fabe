package org.claimauditor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output folder up front, so a typo in --out fails in a second, not after the audit. */
final class OutputFolder {

    private OutputFolder() { }

    /** Null when {@code dir} exists (or can be created) and files can be written in it; else one line saying why. */
    static String problem(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return option + " " + dir + ": is a file, not a folder";
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return option + " " + dir + ": cannot write there (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }
}
