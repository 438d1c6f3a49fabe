package org.claimauditor.ncci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.claimauditor.ncci.NcciFiles.Kind;
import org.claimauditor.ncci.NcciFiles.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NcciFilesTest {

    static final Path SAMPLES = Path.of("src/test/resources/cms-samples");
    static final String PTP = "Column 1\tColumn 2\r\n11111\t22222\t\t20200101\t*\t1\tMutually exclusive procedures\r\n";

    @Test
    void recognisesTheRealSamples() throws IOException {
        List<Source> sources = NcciFiles.scan(SAMPLES);
        assertThat(sources).extracting(Source::kind, Source::version, Source::displayName).containsExactly(
                tuple(Kind.PTP_PRACTITIONER, "v322r0", "ptp/ccipra-v322r0-f1.excerpt.txt"),
                tuple(Kind.MUE_PRACTITIONER, "Eff 2026-07-01",
                        "mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv"),
                tuple(Kind.AOC, "2026Q2", "aoc/AOC_V2026Q2-MCR.xlsx"));
        // The HCPCS zip's entries are listed as not being NCCI files.
        assertThat(NcciFiles.unrecognised(SAMPLES))
                .contains("hcpcs/2019-Alpha-Numeric-HCPCS-File.zip!/HCPC2019_README.txt", "PROVENANCE.md")
                .noneMatch(n -> n.contains("ccipra"));

        List<ReadProblem> problems = new ArrayList<>();
        try (InputStream in = sources.get(0).open().get()) {
            assertThat(PtpFileReader.read(in, sources.get(0).displayName(), r -> { }, problems)).isEqualTo(154);
        }
    }

    @Test
    void findsFilesInsideZipsAndSortsByKindThenName(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("ncci-ptp-2026q3.ZIP");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "v323r0/", null);
            put(out, "v323r0/CCIPRA-V323R0-F2.TXT", PTP);
            put(out, "v323r0/ccipra-v323r0-f1.txt", PTP);
            put(out, "__MACOSX/v323r0/._ccipra-v323r0-f1.txt", "resource fork");
            put(out, "v323r0/readme.pdf", "pdf");
        }
        for (String name : List.of("ccioph-v323r0-f1.txt", "MCR_MUE_DMESupplierServices_Eff_10-01-2026.csv",
                "mcr_mue_outpatienthospitalservices_eff_10-01-2026.csv", "AOC_V2026Q3-MCR.xlsx", "notes.txt",
                "ccipra-v323r0.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }

        assertThat(NcciFiles.scan(dir)).extracting(Source::kind, Source::version, Source::displayName)
                .containsExactly(
                        tuple(Kind.PTP_PRACTITIONER, "v323r0", "ncci-ptp-2026q3.ZIP!/v323r0/ccipra-v323r0-f1.txt"),
                        tuple(Kind.PTP_PRACTITIONER, "v323r0", "ncci-ptp-2026q3.ZIP!/v323r0/CCIPRA-V323R0-F2.TXT"),
                        tuple(Kind.PTP_HOSPITAL, "v323r0", "ccioph-v323r0-f1.txt"),
                        tuple(Kind.MUE_HOSPITAL, "Eff 2026-10-01",
                                "mcr_mue_outpatienthospitalservices_eff_10-01-2026.csv"),
                        tuple(Kind.MUE_DME, "Eff 2026-10-01", "MCR_MUE_DMESupplierServices_Eff_10-01-2026.csv"),
                        tuple(Kind.AOC, "2026Q3", "AOC_V2026Q3-MCR.xlsx"));
        assertThat(NcciFiles.unrecognised(dir)).containsExactlyInAnyOrder("ccipra-v323r0.txt", "notes.txt",
                "ncci-ptp-2026q3.ZIP!/__MACOSX/v323r0/._ccipra-v323r0-f1.txt",
                "ncci-ptp-2026q3.ZIP!/v323r0/readme.pdf");

        // Each open() gives a fresh stream over the zip entry.
        Source inZip = NcciFiles.scan(dir).get(0);
        for (int i = 0; i < 2; i++) {
            List<PtpRow> rows = new ArrayList<>();
            List<ReadProblem> problems = new ArrayList<>();
            try (InputStream in = inZip.open().get()) {
                assertThat(PtpFileReader.read(in, inZip.displayName(), rows::add, problems)).isEqualTo(1);
            }
            assertThat(problems).isEmpty();
            assertThat(rows.get(0)).extracting(PtpRow::column2, PtpRow::file, PtpRow::line)
                    .containsExactly("22222", "ncci-ptp-2026q3.ZIP!/v323r0/ccipra-v323r0-f1.txt", 2);
        }
    }

    @Test
    void anUnreadableZipFailsTheScan(@TempDir Path dir) throws IOException {
        // It may hold the PTP files: skipping it would remove their edits without a word.
        Files.writeString(dir.resolve("broken.zip"), "not a zip");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NcciFiles.scan(dir))
                .isInstanceOf(NcciLoadException.class)
                .hasMessage("cannot load NCCI tables: broken.zip: not a readable zip archive (zip END header not found); "
                        + "the NCCI files it may hold cannot be loaded: replace it, or remove it from the folder");
    }

    static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (text != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
