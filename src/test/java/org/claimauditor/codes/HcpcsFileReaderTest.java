package org.claimauditor.codes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HcpcsFileReaderTest {

    private static List<HcpcsRecord> y2019;

    @BeforeAll
    static void read2019() {
        y2019 = CmsSamples.hcpcs2019();
    }

    @Test
    void the2019FixedWidthFileHas6440CodesAnd360Modifiers() {
        assertThat(CmsSamples.hcpcs2019Problems()).isEmpty();
        assertThat(y2019.stream().filter(r -> !r.modifier())).hasSize(6440);
        assertThat(y2019.stream().filter(HcpcsRecord::modifier)).hasSize(360)
                .allMatch(r -> r.code().length() == 2);
        // Level II modifiers only: the CPT modifiers (25, 59, ...) are AMA's and not in the file.
        assertThat(y2019).extracting(HcpcsRecord::code).contains("LT", "RT", "XU", "GY").doesNotContain("25", "59");
    }

    @Test
    void aCodeTerminatedAtTheEndOf2018() {
        assertThat(CmsSamples.find(y2019, "J9310")).isEqualTo(new HcpcsRecord("J9310", false, "Rituximab injection",
                "Injection, rituximab, 100 mg", LocalDate.of(1999, 1, 1), LocalDate.of(2019, 1, 1),
                LocalDate.of(2018, 12, 31), "D", "HCPC2019_CONTR_ANWEB.txt", 7792));
    }

    @Test
    void aCodeAddedIn2019() {
        HcpcsRecord r = CmsSamples.find(y2019, "C9036");
        assertThat(r.shortDescription()).isEqualTo("Injection, patisiran");
        assertThat(r.longDescription()).isEqualTo("Injection, patisiran, 0.1 mg");
        assertThat(r.addDate()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(r.actionEffectiveDate()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(r.terminationDate()).isNull();
        assertThat(r.actionCode()).isEqualTo("A");
        assertThat(r.validOn(LocalDate.of(2018, 12, 31))).isFalse();
        assertThat(r.validOn(LocalDate.of(2019, 1, 1))).isTrue();
    }

    @Test
    void continuationLinesAreMergedIntoTheLongDescription() {
        // Record ids 3, 4, 4 on lines 4460-4462; the middle line is 316 bytes, shorter than the others.
        HcpcsRecord r = CmsSamples.find(y2019, "G8891");
        assertThat(r.line()).isEqualTo(4460);
        assertThat(r.longDescription()).isEqualTo("Documentation of medical reason(s) for most recent ldl-c not "
                + "under control (e.g., patients with palliative goals for whom treatment of hypertension with "
                + "standard treatment goals is not clinically appropriate)");
        assertThat(r.terminationDate()).isEqualTo(LocalDate.of(2014, 12, 31));
    }

    @Test
    void modifiersHaveDatesToo() {
        HcpcsRecord lt = CmsSamples.find(y2019, "LT");
        assertThat(lt.modifier()).isTrue();
        assertThat(lt.longDescription()).isEqualTo(
                "Left side (used to identify procedures performed on the left side of the body)");
        assertThat(lt.addDate()).isEqualTo(LocalDate.of(1984, 1, 1));
        assertThat(lt.actionEffectiveDate()).isEqualTo(LocalDate.of(1997, 1, 1));
        HcpcsRecord za = CmsSamples.find(y2019, "ZA");
        assertThat(za.terminationDate()).isEqualTo(LocalDate.of(2018, 3, 31));
        assertThat(za.actionCode()).isEqualTo("D");
    }

    @Test
    void aBlankActionEffectiveDateIsNull() {
        HcpcsRecord r = CmsSamples.find(y2019, "A5513");
        assertThat(r.actionEffectiveDate()).isNull();
        assertThat(r.validFrom()).isEqualTo(LocalDate.of(2006, 1, 1));
    }

    @Test
    void the2026OctoberCsvExcerptHolds35Modifiers() throws IOException {
        List<HcpcsRecord> rows = CmsSamples.hcpcs2026Oct();

        // 35 rows (PROVENANCE.md says 34; the file has a header and 35 rows, the last without a line break).
        assertThat(rows).hasSize(35).allMatch(HcpcsRecord::modifier);
        assertThat(rows).extracting(HcpcsRecord::code).startsWith("A1", "A2").endsWith("JF", "JG", "L1");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(34).line()).isEqualTo(36);
        HcpcsRecord ac = CmsSamples.find(rows, "AC");
        assertThat(ac.addDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ac.shortDescription()).isEqualTo("Co-mgmt mod - onboarding");
        HcpcsRecord cp = CmsSamples.find(rows, "CP");
        assertThat(cp.addDate()).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(cp.actionEffectiveDate()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(cp.terminationDate()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(CmsSamples.find(rows, "JG").terminationDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CmsSamples.find(rows, "GD").terminationDate()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(CmsSamples.find(rows, "AB").longDescription())
                .startsWith("Audiology service furnished personally by an audiologist without a physician/npp order")
                .endsWith("service may be performed once every 12 months, per beneficiary");
        assertThat(CmsSamples.find(rows, "AD").shortDescription()).isEqualTo("Md supervision, >4 anes proc");
    }

    @Test
    void csvWithDisclaimerContinuationAndBadRows() throws IOException {
        // Synthetic rows in the CSV layout (header names as CMS writes them, fewer columns).
        String csv = """
                "Disclaimer, as some copies carry"
                HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD
                A0001,0010,3,First part,Short one,20200101,20200101,,N
                A0001,0020,4,second part,,,,,
                A0002,0010,4,orphan continuation,,,,,
                A0003,0010,3,Bad date,Short three,2020-01-01,,20211231,D
                ??,0010,3,Not a code,,,,,
                """;
        List<HcpcsRecord> out = new ArrayList<>();
        List<CodeFileProblem> problems = new ArrayList<>();
        int n = HcpcsFileReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "HCPC2020_JAN_ANWEB.csv", out::add, problems);

        assertThat(n).isEqualTo(2);
        assertThat(out.get(0).longDescription()).isEqualTo("First part second part");
        assertThat(out.get(0).line()).isEqualTo(3);
        assertThat(out.get(1).addDate()).isNull();
        assertThat(out.get(1).terminationDate()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(problems).extracting(CodeFileProblem::line).containsExactly(5, 6, 7);
        assertThat(problems.get(0).message()).contains("continuation line of A0002 without its first line");
        assertThat(problems.get(1).message()).contains("add date '2020-01-01' is not a YYYYMMDD date");
    }

    @Test
    void csvWithoutHeaderIsOneProblem() throws IOException {
        List<CodeFileProblem> problems = new ArrayList<>();
        int n = HcpcsFileReader.readCsv(new ByteArrayInputStream("A0001,3,x\n".getBytes(StandardCharsets.UTF_8)),
                "f.csv", r -> { }, problems);
        assertThat(n).isZero();
        assertThat(problems).singleElement().hasToString("f.csv:0: no header row starting with HCPC");
    }

    @Test
    void fixedWidthLinesAfterTheFirstRecordMustBeRecords() throws IOException {
        String lt = lineOf2019(CmsSamples.find(y2019, "LT").line());
        String text = "Disclaimer text\r\n" + lt + "\r\ngarbage after the records\r\n";
        List<HcpcsRecord> out = new ArrayList<>();
        List<CodeFileProblem> problems = new ArrayList<>();
        HcpcsFileReader.readFixedWidth(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                "t.txt", out::add, problems);
        assertThat(out).extracting(HcpcsRecord::code).containsExactly("LT");
        assertThat(out.get(0).line()).isEqualTo(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("not a HCPCS record");
        });
    }

    /** A real line of the 2019 file (1-based). */
    private static String lineOf2019(int line) throws IOException {
        String all = new String(CmsSamples.hcpcs2019Bytes(), StandardCharsets.ISO_8859_1);
        return all.split("\r\n", -1)[line - 1];
    }
}
