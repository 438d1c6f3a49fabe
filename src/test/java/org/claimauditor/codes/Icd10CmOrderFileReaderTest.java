package org.claimauditor.codes;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class Icd10CmOrderFileReaderTest {

    @Test
    void fiscalYearComesFromTheFileName() {
        assertThat(Icd10CmOrderFileReader.fiscalYearOf("icd10cm_order_2026.txt")).hasValue(2026);
        assertThat(Icd10CmOrderFileReader.fiscalYearOf("icd10cm_order_2026.excerpt.txt")).hasValue(2026);
        assertThat(Icd10CmOrderFileReader.fiscalYearOf("ICD10CM_ORDER_2025.TXT")).hasValue(2025);
        assertThat(Icd10CmOrderFileReader.fiscalYearOf("icd10cm-order-2024.txt")).hasValue(2024);
        assertThat(Icd10CmOrderFileReader.fiscalYearOf("icd10cm_codes_2026.txt")).isEqualTo(OptionalInt.empty());
        assertThat(Icd10CmOrderFileReader.fiscalYearOf("icd10cm_order_2026.csv")).isEmpty();
    }

    @Test
    void readsTheRealFy2026Excerpt() throws IOException {
        List<IcdCode> codes = CmsSamples.icd2026("icd10cm_order_2026.excerpt.txt");

        // Orders 00001-00060 and 20055-20094: 100 lines, 17 headers, 83 billable.
        assertThat(codes).hasSize(100);
        assertThat(codes.stream().filter(IcdCode::billable)).hasSize(83);
        assertThat(codes).allMatch(c -> c.fiscalYear() == 2026 && c.file().equals("icd10cm_order_2026.excerpt.txt"));

        assertThat(codes.get(0)).isEqualTo(new IcdCode("A00", false, "Cholera", "Cholera", 2026,
                "icd10cm_order_2026.excerpt.txt", 1));
        assertThat(codes.get(1)).isEqualTo(new IcdCode("A000", true,
                "Cholera due to Vibrio cholerae 01, biovar cholerae",
                "Cholera due to Vibrio cholerae 01, biovar cholerae", 2026, "icd10cm_order_2026.excerpt.txt", 2));
        IcdCode m545 = codes.stream().filter(c -> c.code().equals("M545")).findFirst().orElseThrow();
        assertThat(m545.billable()).isFalse();
        assertThat(m545.longTitle()).isEqualTo("Low back pain");
        assertThat(m545.line()).isEqualTo(92);
        assertThat(m545.dotted()).isEqualTo("M54.5");
        // Short title abbreviated to 60 characters, long title in full.
        IcdCode m5401 = codes.stream().filter(c -> c.code().equals("M5401")).findFirst().orElseThrow();
        assertThat(m5401.shortTitle()).isEqualTo("Panniculitis aff regions of neck/bk, occipt-atlan-ax region");
        assertThat(m5401.longTitle()).startsWith("Panniculitis affecting regions of neck and back, occipito-atlanto");
        assertThat(codes.get(99).code()).isEqualTo("M549");
        assertThat(codes.get(99).line()).isEqualTo(100);
    }

    @Test
    void damagedLinesAreReportedAndSkipped() throws IOException {
        String text = String.join("\r\n",
                "00001 A00     0 Cholera                                                      Cholera",
                "",
                "00002 A000    7 Cholera due to Vibrio cholerae 01, biovar cholerae           Cholera due to",
                "00003 a0!     1 Bad code                                                     Bad code",
                "Cholera",
                "00004 A009    1 Cholera, unspecified") + "\r\n";
        List<IcdCode> codes = new ArrayList<>();
        List<CodeFileProblem> problems = new ArrayList<>();
        int n = Icd10CmOrderFileReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
                "x.txt", 2026, codes::add, problems);

        assertThat(n).isEqualTo(2);
        assertThat(codes).extracting(IcdCode::code).containsExactly("A00", "A009");
        // A line without a long title keeps the short one for both.
        assertThat(codes.get(1).longTitle()).isEqualTo("Cholera, unspecified");
        assertThat(problems).extracting(CodeFileProblem::line).containsExactly(3, 4, 5);
        assertThat(problems.get(0).message()).contains("flag in column 15 is '7'");
        assertThat(problems.get(1).message()).contains("'a0!' in columns 7-13 is not an ICD-10-CM code");
        assertThat(problems.get(2).toString()).startsWith("x.txt:5: not an order file line");
    }
}
