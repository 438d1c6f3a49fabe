package org.claimauditor.ncci;

import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rows of a workbook read once come back from the cache exactly as the workbook gives them. */
class AocRowCacheTest {

    @TempDir
    Path cache;

    private record Read(int good, List<AocRow> rows, List<ReadProblem> problems) { }

    private Read read(Path workbook, String name) throws IOException {
        List<AocRow> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook)) {
            int good = AocRowCache.read(in, name, rows::add, problems, Limits.DEFAULTS, cache);
            return new Read(good, rows, problems);
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".rows")).toList();
        }
    }

    @Test
    void theSecondReadComesFromTheCacheWithTheSameRowsUnderTheFilesOwnName() throws IOException {
        Read direct;
        List<AocRow> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(AocFileReaderTest.REAL)) {
            direct = new Read(AocFileReader.read(in, "AOC.xlsx", rows::add, problems), rows, problems);
        }
        Read first = read(AocFileReaderTest.REAL, "AOC.xlsx");
        assertThat(entries()).hasSize(1);
        Read second = read(AocFileReaderTest.REAL, "AOC.xlsx");
        assertThat(second).isEqualTo(first).isEqualTo(direct);
        assertThat(second.rows()).hasSizeGreaterThan(100);

        Read renamed = read(AocFileReaderTest.REAL, "renamed.xlsx");
        assertThat(renamed.rows()).allSatisfy(r -> assertThat(r.file()).isEqualTo("renamed.xlsx"));
        assertThat(renamed.rows().get(0).addOnCode()).isEqualTo(direct.rows().get(0).addOnCode());
    }

    @Test
    void aDamagedEntryIsReadAgainFromTheWorkbookAndABrokenWorkbookIsNeverKept() throws IOException {
        Read first = read(AocFileReaderTest.REAL, "AOC.xlsx");
        Files.write(entries().get(0), new byte[] {1, 2, 3});
        assertThat(read(AocFileReaderTest.REAL, "AOC.xlsx")).isEqualTo(first);

        Path notAWorkbook = Files.writeString(cache.resolveSibling(cache.getFileName() + "-bad.xlsx"), "not a zip");
        assertThatThrownBy(() -> read(notAWorkbook, "bad.xlsx")).isInstanceOf(NcciLoadException.class);
        assertThat(entries()).hasSize(1);
    }
}
