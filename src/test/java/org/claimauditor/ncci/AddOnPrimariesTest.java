package org.claimauditor.ncci;

import org.claimauditor.engine.BuildError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AddOnPrimariesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedFile() {
        List<BuildError> errors = new ArrayList<>();
        AddOnPrimaries p = AddOnPrimaries.load(Path.of("payer-policies"), errors);
        assertThat(errors).isEmpty();
        assertThat(p.primaries("ACME", "15777")).contains("19357");
        assertThat(p.primaries("MEDICARE", "15777")).isEmpty();
        assertThat(p.source("ACME", "15777")).contains("ACME-AOC-001");
    }

    @Test
    void wildcardPayerAppliesToAll() throws IOException {
        Files.writeString(dir.resolve(AddOnPrimaries.FILE_NAME), """
                addOnPrimaries:
                  - {id: X-1, payers: ["*"], addOn: "88311", primaries: ["88305"], source: "doc"}
                """);
        AddOnPrimaries p = AddOnPrimaries.load(dir, new ArrayList<>());
        assertThat(p.primaries("ANY", "88311")).containsExactly("88305");
    }

    @Test
    void unknownKeyAndBadCodesAreReportedWithTheirPlace() throws IOException {
        Files.writeString(dir.resolve(AddOnPrimaries.FILE_NAME), """
                addOnPrimaries:
                  - id: X-1
                    payers: [ACME]
                    addon: "88311"
                """);
        List<BuildError> errors = new ArrayList<>();
        AddOnPrimaries.load(dir, errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.message()).isEqualTo("unknown key 'addon'");
        });
        Files.writeString(dir.resolve(AddOnPrimaries.FILE_NAME), """
                addOnPrimaries:
                  - {id: X-1, payers: [ACME], addOn: "8831", primaries: ["88305"], source: "doc"}
                """);
        errors.clear();
        AddOnPrimaries.load(dir, errors);
        assertThat(errors).singleElement().asString().contains("'8831' is not a CPT/HCPCS code");
    }
}
