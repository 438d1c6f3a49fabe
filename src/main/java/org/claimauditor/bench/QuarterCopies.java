package org.claimauditor.bench;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Several quarters for the load benchmark: the generated quarter's files (dated Q1 2026) under the names CMS gives
 * the next quarters' files (PTP v32.1-v32.3, MUE Eff 04-01 / 07-01 / 10-01, AOC 2026 Q2-Q4), hard-linked where the
 * file system allows, so loading the folder reads and indexes N full quarters as an auditor's multi-quarter folder
 * would, without N times the disk.
 */
final class QuarterCopies {

    private static final List<String> PTP = List.of("v320r0", "v321r0", "v322r0", "v323r0");
    private static final List<String> MUE = List.of("01-01-2026", "04-01-2026", "07-01-2026", "10-01-2026");
    private static final List<String> AOC = List.of("2026Q1", "2026Q2", "2026Q3", "2026Q4");

    private QuarterCopies() { }

    /** A folder holding {@code quarter}'s files as {@code n} (1 to 4) consecutive quarters of 2026. */
    static Path make(Path quarter, Path dir, int n) throws IOException {
        if (n < 1 || n > PTP.size()) {
            throw new IllegalArgumentException("--quarters must be 1 to " + PTP.size() + ": " + n);
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(quarter)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (int q = 0; q < n; q++) {
            for (Path f : files) {
                String name = f.getFileName().toString().replace(PTP.get(0), PTP.get(q)).replace(MUE.get(0), MUE.get(q))
                        .replace(AOC.get(0), AOC.get(q));
                Path copy = dir.resolve(name);
                try {
                    Files.createLink(copy, f.toAbsolutePath());
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.copy(f, copy);
                }
            }
        }
        return dir;
    }
}
