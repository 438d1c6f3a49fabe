package org.claimauditor.cli;

import org.claimauditor.engine.Limits;
import org.claimauditor.codes.CodeFileProblem;
import org.claimauditor.codes.CodeSetLoadException;
import org.claimauditor.codes.CodeSetLoader;
import org.claimauditor.codes.CodeSets;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** --code-sets: where the CMS code-set files are (ICD-10-CM order files, HCPCS alpha-numeric files, a CPT list). */
final class CodeSetOptions {

    @Option(names = "--code-sets", description = "Folder of code-set files (icd10cm_order_<year>.txt, HCPC<year>_*_ANWEB.txt/.csv, "
            + "cpt*.csv; plain or zipped). Without it codes get shape checks only, and every result says so.")
    Path codeSetsDir;

    /** The code sets ({@link CodeSets#EMPTY} without a folder), or null after printing, in one line, why not. */
    CodeSets loadOrDefault(PrintStream out, PrintStream err, Path defaultDir) {
        return loadOrDefault(out, err, defaultDir, Limits.DEFAULTS);
    }

    /** As above, within {@code limits} (zip sizes, entries and ratios). */
    CodeSets loadOrDefault(PrintStream out, PrintStream err, Path defaultDir, Limits limits) {
        Path dir = codeSetsDir != null ? codeSetsDir : defaultDir;
        if (dir == null || (codeSetsDir == null && !Files.isDirectory(dir))) {
            return CodeSets.EMPTY; // only a folder the user named must exist
        }
        CodeSetLoader.Result r;
        try {
            r = CodeSetLoader.load(dir, limits);
        } catch (CodeSetLoadException e) {
            err.println(e.getMessage());
            return null;
        }
        for (CodeFileProblem p : r.problems()) {
            err.println("warning: " + p);
        }
        r.codeSets().describe().forEach(d -> out.println("Code sets: " + d));
        return r.codeSets();
    }
}
