package org.claimauditor.cli;

import org.claimauditor.engine.Limits;
import org.claimauditor.ncci.NcciLoadException;
import org.claimauditor.ncci.NcciLoader;
import org.claimauditor.ncci.NcciTables;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;

/** --ncci-dir / --no-ncci / --max-bad-rows: where the CMS NCCI files are, or a deliberate run without them. */
final class NcciOptions {

    @Option(names = "--ncci-dir", description = "Folder of CMS NCCI files (PTP ccipra/ccioph .txt, MUE .csv, AOC .xlsx; plain or zipped).")
    Path ncciDir;

    @Option(names = "--no-ncci", description = "Audit without NCCI edits, on purpose; every result says NCCI was not applied.")
    boolean noNcci;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    double maxBadShare = NcciLoader.DEFAULT_MAX_BAD_SHARE;

    @Option(names = "--max-bad-rows", defaultValue = "0.001", paramLabel = "SHARE",
            description = "Largest share (0 to 1) of a file's NCCI rows that may be unreadable before the load fails "
                    + "(default: ${DEFAULT-VALUE} = 0.1 %).")
    void maxBadShare(double share) {
        try {
            NcciLoader.checkShare(share);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--max-bad-rows: " + e.getMessage());
        }
        maxBadShare = share;
    }

    /** The tables, or null after printing, in one line, why they could not be loaded. */
    NcciTables loadOrReport(PrintStream out, PrintStream err, Path defaultDir) {
        return loadOrReport(out, err, defaultDir, Limits.DEFAULTS);
    }

    /** As above, within {@code limits} (zip sizes, entries and ratios). */
    NcciTables loadOrReport(PrintStream out, PrintStream err, Path defaultDir, Limits limits) {
        if (noNcci) {
            return NcciTables.NONE;
        }
        Path dir = ncciDir != null ? ncciDir : defaultDir;
        if (dir == null) {
            err.println("no NCCI tables: pass --ncci-dir DIR (the CMS files), or --no-ncci to audit without NCCI edits on purpose");
            return null;
        }
        try {
            NcciTables tables = NcciLoader.load(dir, maxBadShare, limits);
            for (String p : tables.problems()) {
                err.println("warning: unreadable NCCI row skipped: " + p);
            }
            out.printf("NCCI: %d rows from %s in %d ms%n", tables.rowsRead(), dir, tables.loadMillis());
            // each quarter with the dates of service it is applied to (also in audit-run.json's referenceData)
            tables.describe().forEach(d -> out.println("  " + d));
            return tables;
        } catch (NcciLoadException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
