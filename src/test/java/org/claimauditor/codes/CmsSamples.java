package org.claimauditor.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/** The real CMS files in src/test/resources/cms-samples (see PROVENANCE.md there), read unchanged. */
final class CmsSamples {

    static final Path DIR = Path.of("src/test/resources/cms-samples");
    static final Path ICD_2026_EXCERPT = DIR.resolve("icd10cm/icd10cm_order_2026.excerpt.txt");
    static final Path HCPCS_2026_OCT_EXCERPT = DIR.resolve("hcpcs/HCPC2026_OCT_ANWEB.excerpt.csv");
    static final Path HCPCS_2019_ZIP = DIR.resolve("hcpcs/2019-Alpha-Numeric-HCPCS-File.zip");
    static final String HCPCS_2019_ENTRY = "HCPC2019_CONTR_ANWEB.txt";

    /** Parsed once per test run: the 2019 file is 3.7 MB. */
    private static List<HcpcsRecord> hcpcs2019;
    private static List<CodeFileProblem> hcpcs2019Problems;

    private CmsSamples() { }

    static synchronized List<HcpcsRecord> hcpcs2019() {
        if (hcpcs2019 == null) {
            List<HcpcsRecord> records = new ArrayList<>();
            List<CodeFileProblem> problems = new ArrayList<>();
            try (InputStream in = open2019()) {
                HcpcsFileReader.read(in, HCPCS_2019_ENTRY, records::add, problems);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hcpcs2019 = List.copyOf(records);
            hcpcs2019Problems = List.copyOf(problems);
        }
        return hcpcs2019;
    }

    static synchronized List<CodeFileProblem> hcpcs2019Problems() {
        hcpcs2019();
        return hcpcs2019Problems;
    }

    static byte[] hcpcs2019Bytes() throws IOException {
        try (InputStream in = open2019()) {
            return in.readAllBytes();
        }
    }

    private static InputStream open2019() throws IOException {
        ZipFile zip = new ZipFile(HCPCS_2019_ZIP.toFile());
        byte[] bytes;
        try (zip; InputStream in = zip.getInputStream(zip.getEntry(HCPCS_2019_ENTRY))) {
            bytes = in.readAllBytes();
        }
        return new java.io.ByteArrayInputStream(bytes);
    }

    static List<IcdCode> icd2026(String asFile) throws IOException {
        List<IcdCode> codes = new ArrayList<>();
        List<CodeFileProblem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ICD_2026_EXCERPT)) {
            Icd10CmOrderFileReader.read(in, asFile, 2026, codes::add, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems);
        }
        return codes;
    }

    static List<HcpcsRecord> hcpcs2026Oct() throws IOException {
        List<HcpcsRecord> records = new ArrayList<>();
        List<CodeFileProblem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(HCPCS_2026_OCT_EXCERPT)) {
            HcpcsFileReader.read(in, HCPCS_2026_OCT_EXCERPT.getFileName().toString(), records::add, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems);
        }
        return records;
    }

    static HcpcsRecord find(List<HcpcsRecord> records, String code) {
        return records.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not read"));
    }
}
