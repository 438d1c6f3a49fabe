package org.claimauditor.codes;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CPT list is the user's own format; these rows are synthetic. */
class CptCodeListReaderTest {

    private final List<CptCode> codes = new ArrayList<>();
    private final List<CodeFileProblem> problems = new ArrayList<>();

    private int read(String text) throws IOException {
        return CptCodeListReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "cpt.csv",
                codes::add, problems);
    }

    @Test
    void headerRowBothDateFormatsAndBlankTermination() throws IOException {
        int n = read("""
                \uFEFFcode,effective,termination
                99213,1992-01-01,
                0001U,20170101,20211231
                1234F,,
                """);
        assertThat(n).isEqualTo(3);
        assertThat(problems).isEmpty();
        assertThat(codes).containsExactly(
                new CptCode("99213", LocalDate.of(1992, 1, 1), null, "cpt.csv", 2),
                new CptCode("0001U", LocalDate.of(2017, 1, 1), LocalDate.of(2021, 12, 31), "cpt.csv", 3),
                new CptCode("1234F", null, null, "cpt.csv", 4));
    }

    @Test
    void headerIsOptionalAndExtraColumnsAreIgnored() throws IOException {
        read("99213,19920101,,a licensed descriptor\r\n99214\r\n");
        assertThat(codes).extracting(CptCode::code).containsExactly("99213", "99214");
        assertThat(codes.get(1).effective()).isNull();
    }

    @Test
    void badRowsAreReported() throws IOException {
        read("""
                CPT Code,Effective,Termination
                9921,2020-01-01,
                99213,2020-13-01,
                99214,2021-01-01,2020-12-31
                J1100,2020-01-01,
                """);
        assertThat(codes).isEmpty();
        assertThat(problems).extracting(CodeFileProblem::line).containsExactly(2, 3, 4, 5);
        assertThat(problems.get(0).message()).contains("'9921' is not a CPT code");
        assertThat(problems.get(2).message()).contains("termination 2020-12-31 is before effective 2021-01-01");
    }
}
