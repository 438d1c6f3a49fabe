package org.claimauditor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An 837 file is read one claim at a time: the packaged jar audits 60,000 837P claims (13 MB, 12 transactions
 * of 5,000 claims) in a 128 MB heap through the real {@code audit} command. Its partitions are sized as for JSON
 * ({@link org.claimauditor.pipeline.source.ClaimFiles#bytes()} counts X12 bytes twice): counted as they are,
 * the denser 837 bytes made partitions of 50,000 claims and 100,000 claims ran out of this heap.
 */
class X12StreamingMemoryIT {

    static final int CLAIMS = 60_000;
    static final int PER_TRANSACTION = 5_000;

    @TempDir
    Path dir;

    /** A professional 837 of {@code claims} claims, one subscriber each; every 10th claim has 0 units. */
    static void write837(Path file, int claims) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("ISA*00*          *00*          *ZZ*CLAIMAUDITOR   *ZZ*RECEIVER       *260311*0930*^*00501*"
                    + "000000001*0*T*:~\nGS*HC*CLAIMAUDITOR*RECEIVER*20260311*0930*1*X*005010X222A1~\n");
            for (int i = 0; i < claims; i++) {
                if (i % PER_TRANSACTION == 0) {
                    if (i > 0) {
                        w.write("SE*1*" + i + "~\n");
                    }
                    w.write("ST*837*" + i + "*005010X222A1~\nBHT*0019*00*1*20260311*0930*CH~\n"
                            + "NM1*41*2*SUBMITTER*****46*S1~\nPER*IC*DESK*TE*5555550100~\nNM1*40*2*RECEIVER*****46*R1~\n"
                            + "HL*1**20*1~\nNM1*85*2*NORTH CLINIC*****XX*1234567893~\nN3*1 MAIN ST~\n"
                            + "N4*SPRINGFIELD*IL*62701~\nREF*EI*123456789~\n");
                }
                w.write("HL*" + (i + 2) + "*1*22*0~\nSBR*P*18*******MB~\nNM1*IL*1*DOE*JANE****MI*P-" + i / 2 + "~\n"
                        + "DMG*D8*19600101*F~\nNM1*PR*2*MEDICARE*****PI*MEDICARE~\n"
                        + "CLM*M-" + i + "*125***11:B:1*Y*A*Y*Y~\nHI*ABK:E119~\nLX*1~\n"
                        + "SV1*HC:99213*125*UN*" + (i % 10 == 0 ? 0 : 1) + "***1~\nDTP*472*D8*2026030" + (1 + i % 2) + "~\n");
            }
            w.write("SE*1*end~\nGE*" + (claims / PER_TRANSACTION) + "*1~\nIEA*1*000000001~\n");
        }
    }

    @Test
    void sixtyThousand837ClaimsIn128MbOfHeap() throws Exception {
        Path input = dir.resolve("claims.837");
        write837(input, CLAIMS);
        Path out = dir.resolve("out");
        String stdout = StreamingMemoryIT.auditIn128Mb(input, out, 20);
        assertThat(stdout).contains("Audited " + CLAIMS + " claims");

        JsonNode run = new ObjectMapper().readTree(out.resolve("audit-run.json").toFile());
        assertThat(run.at("/claims/read").asLong()).isEqualTo(CLAIMS);
        assertThat(run.at("/claims/error").asLong()).isZero();
        assertThat(run.at("/claims/reject").asLong()).isEqualTo(CLAIMS / 10);
    }
}
