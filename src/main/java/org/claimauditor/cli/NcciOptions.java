package org.claimauditor.cli;

import org.claimauditor.ncci.NcciLoadException;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import org.claimauditor.ncci.ReadProblem;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** --ncci-dir / --no-ncci / --max-bad-rows: where the CMS NCCI files are, or a deliberate run without them. */
final class NcciOptions {

    @Option(names = "--ncci-dir", description = "Folder of CMS NCCI files (PTP ccipra/ccioph .txt, MUE .csv, AOC .xlsx; plain or zipped).")
    Path ncciDir;

    @Option(names = "--no-ncci", description = "Audit without NCCI edits, on purpose; every result says NCCI was not applied.")
    boolean noNcci;

    @Option(names = "--max-bad-rows", defaultValue = "0.001",
            description = "Largest share of unreadable NCCI rows tolerated before the load fails (default: ${DEFAULT-VALUE}).")
    double maxBadShare;

    /** The tables, or null after printing why they could not be loaded. */
    NcciTables loadOrReport(PrintStream out, PrintStream err, Path defaultDir) {
        if (noNcci) {
            return NcciTables.NONE;
        }
        Path dir = ncciDir != null ? ncciDir : defaultDir;
        if (dir == null) {
            err.println("no NCCI tables: pass --ncci-dir DIR (the CMS files), or --no-ncci to audit without NCCI edits on purpose");
            return null;
        }
        try {
            NcciTables tables = NcciLoader.load(dir, maxBadShare);
            for (String p : tables.problems()) {
                err.println("warning: unreadable NCCI row skipped: " + p);
            }
            out.printf("NCCI: %d rows from %s in %d ms%n", tables.rowsRead(), dir, tables.loadMillis());
            return tables;
        } catch (NcciLoadException e) {
            e.problems().stream().limit(20).map(ReadProblem::toString).forEach(err::println);
            err.println(e.getMessage());
            return null;
        }
    }
}
