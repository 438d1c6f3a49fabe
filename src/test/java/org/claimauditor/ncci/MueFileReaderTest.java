package org.claimauditor.ncci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MueFileReaderTest {

    static final Path REAL =
            Path.of("src/test/resources/cms-samples/mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv");

    final List<MueRow> rows = new ArrayList<>();
    final List<ReadProblem> problems = new ArrayList<>();

    int read(String text) throws IOException {
        return MueFileReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m.csv",
                rows::add, problems);
    }

    @Test
    void readsTheRealExcerpt() throws IOException {
        try (InputStream in = Files.newInputStream(REAL)) {
            assertThat(MueFileReader.read(in, "mue.csv", rows::add, problems)).isEqualTo(44);
        }
        assertThat(problems).isEmpty();
        // Lines 1-7: the quoted AMA notice; lines 8-9: the header with "HCPCS/\nCPT Code" quoted.
        assertThat(rows.get(0)).isEqualTo(new MueRow("0001U", 1, 2, "2 Date of Service Edit: Policy",
                "Code Descriptor / CPT Instruction", "mue.csv", 10));
        assertThat(rows.get(1)).isEqualTo(new MueRow("0002M", 1, 3, "3 Date of Service Edit: Clinical",
                "Nature of Analyte", "mue.csv", 11));
        assertThat(rows.get(43)).extracting(MueRow::code, MueRow::line).containsExactly("0041U", 53);
        assertThat(rows).filteredOn(r -> r.code().equals("0009U")).singleElement()
                .extracting(MueRow::value, MueRow::mai, MueRow::line).containsExactly(2, 3, 21);
        assertThat(rows).filteredOn(r -> r.mai() == 2).hasSize(30);
        assertThat(rows).filteredOn(r -> r.mai() == 3).hasSize(14);
        assertThat(rows).filteredOn(r -> r.value() == 2).hasSize(6);
    }

    @Test
    void handlesDoubledQuotesEmbeddedBreaksAndBlankTrailingRecords() throws IOException {
        int good = read("\uFEFF\"Notice line one\nline \"\"two\"\"\",,,\r\n"            // lines 1-2
                + "HCPCS/CPT Code,DME Supplier Services MUE Values,MUE Adjudication Indicator,MUE Rationale\r\n"
                + "A0001,3,\"1 Line Edit\",\"Nature of \"\"Equipment\"\", see\nmanual\"\r\n" // lines 4-5
                + "A0002,0,3 Date of Service Edit: Clinical,\r\n"                            // line 6
                + ",,,\r\n\r\n");
        assertThat(good).isEqualTo(2);
        assertThat(problems).isEmpty();
        assertThat(rows.get(0)).isEqualTo(new MueRow("A0001", 3, 1, "1 Line Edit",
                "Nature of \"Equipment\", see\nmanual", "m.csv", 4));
        assertThat(rows.get(1)).extracting(MueRow::value, MueRow::mai, MueRow::rationale, MueRow::line)
                .containsExactly(0, 3, "", 6);
    }

    @Test
    void reportsBadRows() throws IOException {
        int good = read("\"HCPCS/\n CPT CODE\",x,y,z\n"  // lines 1-2
                + "0001U,one,2 Date of Service Edit: Policy,r\n" // 3
                + "0001U,1,4 Something,r\n"                      // 4
                + "0001U,1,12,r\n"                               // 5
                + "1U,1,2 Date of Service Edit: Policy,r\n"      // 6
                + "0001U,1\n"                                    // 7
                + "0002U,1,2,r\n"                                // 8 fine
                + "0003U,1,2,\"never closed\n");                 // 9
        assertThat(good).isEqualTo(1);
        assertThat(rows.get(0)).extracting(MueRow::code, MueRow::line).containsExactly("0002U", 8);
        assertThat(problems).extracting(ReadProblem::line).containsExactly(3, 4, 5, 6, 7, 9);
        assertThat(problems.get(0).message()).contains("MUE value");
        assertThat(problems.get(1).message()).contains("indicator");
        assertThat(problems.get(5).message()).contains("never closed");
    }

    @Test
    void aMissingHeaderOrAnEmptyFileFailsTheFile() {
        assertThatThrownBy(() -> read("\"Notice\",,,\n0001U,1,2 Date of Service Edit: Policy,r\n"))
                .isInstanceOf(NcciLoadException.class)
                .hasMessageStartingWith("cannot load NCCI tables: m.csv:2: MUE row before the 'HCPCS/CPT Code' header");
        assertThatThrownBy(() -> read("\"Notice\",,,\nnot,an,MUE,table\n"))
                .hasMessageStartingWith("cannot load NCCI tables: m.csv:1: no 'HCPCS/CPT Code' header record and no MUE rows");
        assertThatThrownBy(() -> read("\r\n,,,\r\n")).hasMessage("cannot load NCCI tables: m.csv: the file is empty");
        assertThat(problems).isEmpty();
    }

    @Test
    void aHeaderWithoutRowsReadsZeroRowsForTheLoaderToJudge() throws IOException {
        assertThat(read("HCPCS/CPT Code,x,y,z\n")).isZero();
        assertThat(problems).isEmpty();
    }
}
