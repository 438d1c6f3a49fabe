package org.claimauditor.ncci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PtpFileReaderTest {

    static final Path REAL = Path.of("src/test/resources/cms-samples/ptp/ccipra-v322r0-f1.excerpt.txt");
    static final String HEADER = """
            CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t\r
            Column1/Column2 Edits\t\t\t\t\t\t\r
            Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r
            \t\tprior to 1996\tDate\tDate\t0=not allowed\t\r
            """;

    final List<PtpRow> rows = new ArrayList<>();
    final List<ReadProblem> problems = new ArrayList<>();

    int read(InputStream in, String name) throws IOException {
        return PtpFileReader.read(in, name, rows::add, problems);
    }

    int read(String text) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t.txt");
    }

    @Test
    void readsTheRealExcerptAndReportsOnlyItsCutOffLastLine() throws IOException {
        try (InputStream in = Files.newInputStream(REAL)) {
            assertThat(read(in, "ccipra.txt")).isEqualTo(154);
        }
        assertThat(rows).hasSize(154);
        // Lines 1-6 are the notice and the wrapped header; line 161 is "0001U 81167 … Misuse of Column T".
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("ccipra.txt");
            assertThat(p.line()).isEqualTo(161);
            assertThat(p.message()).contains("truncated").contains("Misuse of Column T");
        });

        assertThat(rows.get(0)).isEqualTo(new PtpRow("0001A", "0591T", false, LocalDate.of(2022, 1, 1),
                LocalDate.of(2023, 12, 31), '1', "CPT Manual or CMS manual coding instruction", "ccipra.txt", 7));
        PtpRow notInForce = rows.stream().filter(r -> r.column2().equals("90473")).findFirst().orElseThrow();
        assertThat(notInForce.modifierIndicator()).isEqualTo('9');
        assertThat(notInForce.line()).isEqualTo(12);
        assertThat(notInForce.deletion()).isEqualTo(LocalDate.of(2022, 1, 1));
        PtpRow open = rows.stream().filter(r -> r.deletion() == null).findFirst().orElseThrow();
        assertThat(open).extracting(PtpRow::column1, PtpRow::column2, PtpRow::effective, PtpRow::line)
                .containsExactly("0001U", "0030U", LocalDate.of(2018, 7, 1), 90);
        PtpRow last = rows.get(rows.size() - 1);
        assertThat(last).extracting(PtpRow::column2, PtpRow::line).containsExactly("81166", 160);

        assertThat(rows).filteredOn(r -> r.deletion() == null).hasSize(66);
        assertThat(rows).filteredOn(r -> r.modifierIndicator() == '0').hasSize(9);
        assertThat(rows).filteredOn(r -> r.modifierIndicator() == '9').hasSize(6);
        assertThat(rows).noneMatch(PtpRow::before1996);
        assertThat(rows.stream().map(PtpRow::rationale).distinct()).containsExactlyInAnyOrder(
                "CPT Manual or CMS manual coding instruction", "Misuse of Column Two code with Column One code",
                "Mutually exclusive procedures", "Standards of medical/surgical practice");
    }

    @Test
    void sharesRepeatedStrings() throws IOException {
        read(HEADER + "11111\t22222\t\t20200101\t*\t1\tSame text\r\n11111\t33333\t\t20200101\t*\t1\tSame text\r\n");
        assertThat(rows.get(1).rationale()).isSameAs(rows.get(0).rationale());
        assertThat(rows.get(1).column1()).isSameAs(rows.get(0).column1());
    }

    @Test
    void reportsBadDatesIndicatorsAndCodesAfterTheFirstRow() throws IOException {
        int good = read(HEADER
                + "11111\t22222\t*\t19960101\t*\t0\tStandards of medical/surgical practice\r\n" // line 5
                + "11111\t22223\t\t20231301\t*\t1\tx\r\n"                                         // month 13
                + "11111\t22224\t\t20230101\t2023-12-31\t1\tx\r\n"                                // ISO, not YYYYMMDD
                + "11111\t22225\t\t20230101\t*\t2\tx\r\n"                                         // indicator 2
                + "11111\t2222\t\t20230101\t*\t1\tx\r\n"                                          // 4-char code
                + "11111\t22226\t\t20230101\n"                                                    // too few cells
                + "\r\n"                                                                          // blank: ignored
                + "11111\t22227\t\t20240229\t20241231\t9\tx\n");                                 // LF only is fine
        assertThat(good).isEqualTo(2);
        assertThat(rows.get(0)).extracting(PtpRow::before1996, PtpRow::effective, PtpRow::deletion, PtpRow::line)
                .containsExactly(true, LocalDate.of(1996, 1, 1), null, 5);
        assertThat(rows.get(1)).extracting(PtpRow::effective, PtpRow::modifierIndicator, PtpRow::line)
                .containsExactly(LocalDate.of(2024, 2, 29), '9', 12);
        assertThat(problems).extracting(ReadProblem::line).containsExactly(6, 7, 8, 9, 10);
        assertThat(problems.get(0).message()).contains("effective date", "20231301");
        assertThat(problems.get(1).message()).contains("deletion date", "2023-12-31");
        assertThat(problems.get(2).message()).contains("indicator");
        assertThat(problems.get(3).message()).contains("5-character");
        assertThat(problems.get(4).message()).contains("cells");
    }

    @Test
    void acceptsAnIntactLastRowWithoutLineBreak() throws IOException {
        int good = read(HEADER + "11111\t22222\t\t20200101\t*\t1\tMutually exclusive procedures\r\n"
                + "11111\t33333\t\t20200101\t*\t0\tMutually exclusive procedures");
        assertThat(good).isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsACutOffLastRow() throws IOException {
        int good = read(HEADER + "11111\t22222\t\t20200101\t*\t1\tMutually exclusive procedures\r\n11111\t333");
        assertThat(good).isEqualTo(1);
        assertThat(problems).extracting(ReadProblem::line).containsExactly(6);
    }

    @Test
    void readsLongLinesAndManyRowsAcrossBufferBoundaries() throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        String longRationale = "r".repeat(200_000); // longer than the read buffer
        text.append("11111\t22222\t\t20200101\t*\t1\t").append(longRationale).append("\r\n");
        for (int i = 0; i < 50_000; i++) {
            text.append(String.format("A%04d\t%05d\t\t20200101\t*\t1\tMutually exclusive procedures\r\n",
                    i % 10_000, i));
        }
        assertThat(read(text.toString())).isEqualTo(50_001);
        assertThat(problems).isEmpty();
        assertThat(rows.get(0).rationale()).hasSize(200_000);
        assertThat(rows.get(50_000)).extracting(PtpRow::column2, PtpRow::line).containsExactly("49999", 50_005);
    }

    @Test
    void anEmptyFileOrOneWithoutItsHeaderFailsTheFile() throws IOException {
        assertThatThrownBy(() -> read("")).isInstanceOf(NcciLoadException.class)
                .hasMessage("cannot load NCCI tables: t.txt: the file is empty");
        assertThatThrownBy(() -> read("\r\n\r\n")).hasMessage("cannot load NCCI tables: t.txt: the file is empty");
        assertThatThrownBy(() -> read("<html>Not found</html>\r\n"))
                .hasMessageStartingWith("cannot load NCCI tables: t.txt: no PTP header line");
        // A copy that starts with the rows: the notice and header are cut off.
        assertThatThrownBy(() -> read("Notice\r\n11111\t22222\t\t20200101\t*\t1\tR\r\n"))
                .hasMessageStartingWith("cannot load NCCI tables: t.txt:2: PTP row before the header line");
        assertThat(read(HEADER)).as("a header without rows: the loader judges").isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void aStreamThatFailsMidwayNamesTheLine() {
        byte[] text = (HEADER + "11111\t22222\t\t20200101\t*\t1\tR\r\n").getBytes(StandardCharsets.ISO_8859_1);
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(text), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("damaged zip entry (invalid stored block lengths)");
            }
        });
        assertThatThrownBy(() -> read(failing, "z.zip!/t.txt")).isInstanceOf(NcciLoadException.class)
                .hasMessage("cannot load NCCI tables: z.zip!/t.txt:6: cannot read on from here: damaged zip entry "
                        + "(invalid stored block lengths)");
    }
}
