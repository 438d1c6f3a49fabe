package org.claimauditor.pipeline.source;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

class X12ClaimsTest {
    static List<ClaimInput> read(Path f) {
        try (Stream<ClaimInput> s = new ClaimFileSource(List.of(f), Limits.DEFAULTS).claims()) {
            return s.toList();
        }
    }

    @Test
    void smoke() {
        for (String f : List.of("src/test/resources/x12/professional-claims.837", "src/test/resources/x12/institutional-claim.837",
                "src/test/resources/cms-samples/x12/x223-test.txt", "src/test/resources/cms-samples/x12/x12_complex.txt")) {
            read(Path.of(f)).forEach(System.out::println);
        }
    }
}
