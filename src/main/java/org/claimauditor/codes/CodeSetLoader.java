package org.claimauditor.codes;

import org.claimauditor.engine.Limits;
import org.claimauditor.io.ReferenceDataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the code-set files of a folder ({@code --code-sets DIR}): ICD-10-CM order files, HCPCS alpha-numeric
 * files (fixed width or CSV) and CPT lists, plain or zipped, several years at once. Unreadable rows are reported as
 * problems and skipped; but a folder the user named must deliver what it holds, so the load fails with one line
 * naming the file when the folder is missing or holds no code-set file, or a file cannot be read (a damaged zip or
 * entry, a zip bomb), is empty, lacks its header or yields no code at all. Without a folder, codes get shape checks
 * only ({@link CodeSets#EMPTY}) and every result says so.
 */
public final class CodeSetLoader {

    /** Problems kept per file; a wrong file would otherwise bury the useful ones. */
    static final int MAX_PROBLEMS_PER_FILE = 20;

    /**
     * @param ignored files and zip entries that are not code-set files, or duplicates of a release already read
     */
    public record Result(CodeSets codeSets, List<CodeFileProblem> problems, List<String> ignored) {
        public Result {
            problems = List.copyOf(problems);
            ignored = List.copyOf(ignored);
        }
    }

    private CodeSetLoader() { }

    public static Result load(Path dir) {
        return load(dir, Limits.DEFAULTS);
    }

    /** @throws CodeSetLoadException with a one-line message when the folder's code sets cannot be trusted */
    public static Result load(Path dir, Limits limits) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CodeSetLoadException("code-set folder not found: " + dir + " (leave --code-sets out for "
                    + "shape checks only)");
        }
        CodeSetFiles.Listing listing;
        try {
            listing = CodeSetFiles.scan(dir, limits);
        } catch (IOException | UncheckedIOException e) {
            throw new CodeSetLoadException("cannot list " + dir + ": " + ReferenceDataException.reason(e));
        }
        if (listing.sources().isEmpty()) {
            throw new CodeSetLoadException("no code-set files in " + dir + " (expected icd10cm_order_<year>.txt, "
                    + "HCPC<year>_*_ANWEB.txt or .csv, cpt*.csv; plain or zipped)");
        }
        List<String> ignored = new ArrayList<>(listing.ignored());
        List<CodeFileProblem> problems = new ArrayList<>();
        CodeSets.Builder b = CodeSets.builder();
        Map<HcpcsRelease, CodeSetFiles.Source> hcpcsChosen = new HashMap<>();
        for (CodeSetFiles.Source s : listing.sources()) {
            if (s.kind() == CodeSetFiles.Kind.HCPCS) {
                chooseHcpcs(s, hcpcsChosen, ignored);
            }
        }
        for (CodeSetFiles.Source s : listing.sources()) {
            if (s.kind() == CodeSetFiles.Kind.HCPCS
                    && hcpcsChosen.get(HcpcsRelease.fromFileName(s.baseName()).orElseThrow()) != s) {
                continue;
            }
            List<CodeFileProblem> fileProblems = new ArrayList<>();
            int codes;
            try (InputStream in = s.opener().open()) {
                codes = switch (s.kind()) {
                    case ICD10CM_ORDER -> {
                        int fy = Icd10CmOrderFileReader.fiscalYearOf(s.baseName()).orElseThrow();
                        b.icdFile(fy, s.displayName());
                        yield Icd10CmOrderFileReader.read(in, s.displayName(), fy, b::icd, fileProblems);
                    }
                    case HCPCS -> {
                        HcpcsRelease release = HcpcsRelease.fromFileName(s.baseName()).orElseThrow();
                        b.hcpcsFile(release, s.displayName());
                        yield HcpcsFileReader.read(in, s.displayName(), r -> b.hcpcs(release, r), fileProblems);
                    }
                    case CPT_LIST -> {
                        b.cptFile(s.displayName());
                        yield CptCodeListReader.read(in, s.displayName(), b::cpt, fileProblems);
                    }
                };
            } catch (IOException | UncheckedIOException e) {
                throw CodeSetLoadException.inFile(s.displayName(), 0, "cannot read: " + ReferenceDataException.reason(e));
            }
            if (codes == 0) {
                // An empty file, a missing header or a file of the wrong kind: every code would be judged unknown.
                throw fileProblems.isEmpty()
                        ? CodeSetLoadException.inFile(s.displayName(), 0, "the file is empty: it holds no code")
                        : CodeSetLoadException.inFile(s.displayName(), fileProblems.get(0).line(), "no code could be "
                                + "read (" + fileProblems.size() + " problem(s)); first: " + fileProblems.get(0).message());
            }
            addCapped(fileProblems, problems);
        }
        addCapped(b.problems(), problems);
        CodeSets sets = b.build();
        return new Result(sets.isEmpty() ? CodeSets.EMPTY : sets, problems, ignored);
    }

    /**
     * One file per HCPCS release: CMS ships the same release as .txt, .csv and .xlsx side by side, and reading
     * two would report every code twice. The fixed-width .txt is preferred, then the first name.
     */
    private static void chooseHcpcs(CodeSetFiles.Source s, Map<HcpcsRelease, CodeSetFiles.Source> chosen,
                                    List<String> ignored) {
        HcpcsRelease release = HcpcsRelease.fromFileName(s.baseName()).orElseThrow();
        CodeSetFiles.Source current = chosen.get(release);
        if (current == null) {
            chosen.put(release, s);
        } else if (isTxt(s) && !isTxt(current)) {
            chosen.put(release, s);
            ignored.add(current.displayName() + " (same HCPCS release as " + s.displayName() + ")");
        } else {
            ignored.add(s.displayName() + " (same HCPCS release as " + current.displayName() + ")");
        }
    }

    private static boolean isTxt(CodeSetFiles.Source s) {
        return s.baseName().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    private static void addCapped(List<CodeFileProblem> fileProblems, List<CodeFileProblem> all) {
        Map<String, Integer> perFile = new HashMap<>();
        Map<String, Integer> dropped = new HashMap<>();
        for (CodeFileProblem p : fileProblems) {
            if (perFile.merge(p.file(), 1, Integer::sum) <= MAX_PROBLEMS_PER_FILE) {
                all.add(p);
            } else {
                dropped.merge(p.file(), 1, Integer::sum);
            }
        }
        dropped.forEach((file, n) -> all.add(new CodeFileProblem(file, 0, n + " more problems not listed")));
    }
}
