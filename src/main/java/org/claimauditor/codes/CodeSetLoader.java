package org.claimauditor.codes;

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
 * files (fixed width or CSV) and CPT lists, plain or zipped, several years at once. Never fails: a missing
 * folder or no files gives {@link CodeSets#EMPTY} (shape checks only), unreadable rows and files are reported
 * as problems and skipped.
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
        if (dir == null || !Files.isDirectory(dir)) {
            return new Result(CodeSets.EMPTY, List.of(new CodeFileProblem(String.valueOf(dir), 0,
                    "code-set folder not found; codes get shape checks only")), List.of());
        }
        CodeSetFiles.Listing listing;
        try {
            listing = CodeSetFiles.scan(dir);
        } catch (IOException | UncheckedIOException e) {
            return new Result(CodeSets.EMPTY, List.of(new CodeFileProblem(dir.toString(), 0,
                    "cannot list the folder: " + e.getMessage())), List.of());
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
            List<CodeFileProblem> fileProblems = new ArrayList<>();
            try (InputStream in = s.opener().open()) {
                switch (s.kind()) {
                    case ICD10CM_ORDER -> {
                        int fy = Icd10CmOrderFileReader.fiscalYearOf(s.baseName()).orElseThrow();
                        b.icdFile(fy, s.displayName());
                        Icd10CmOrderFileReader.read(in, s.displayName(), fy, b::icd, fileProblems);
                    }
                    case HCPCS -> {
                        HcpcsRelease release = HcpcsRelease.fromFileName(s.baseName()).orElseThrow();
                        if (hcpcsChosen.get(release) == s) {
                            b.hcpcsFile(release, s.displayName());
                            HcpcsFileReader.read(in, s.displayName(), r -> b.hcpcs(release, r), fileProblems);
                        }
                    }
                    case CPT_LIST -> {
                        b.cptFile(s.displayName());
                        CptCodeListReader.read(in, s.displayName(), b::cpt, fileProblems);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                fileProblems.add(new CodeFileProblem(s.displayName(), 0, "cannot read: " + e.getMessage()));
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
