package org.claimauditor.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact totals of the compliance report for {@link ReportBatch}, worked out by hand in the comments. */
class ComplianceReportTest {

    static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @TempDir
    Path dir;

    JsonNode report;
    Path input;

    /** Returns the start instant, then 1.5 s later for every further call: the run's end. */
    static final class TwoTicks extends Clock {
        private final Instant start = Instant.parse("2026-04-01T10:00:00Z");
        private int calls;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return calls++ == 0 ? start : start.plusMillis(1500);
        }
    }

    @BeforeEach
    void writeReports() throws IOException {
        input = Files.writeString(dir.resolve("batch.jsonl"), "hello\n");
        Path prior = Files.writeString(dir.resolve("prior.jsonl"), "");
        ReportRun.Options options = ReportRun.Options.of(EnumSet.allOf(ReportFormat.class), List.of(input))
                .withHistory(List.of(prior)).withAuditDate(LocalDate.of(2026, 4, 1)).withTopN(2).withClock(new TwoTicks())
                .withRuleDescriptions(java.util.Map.of("CLAIM-REQUIRED-FIELD", "A field the payer needs is missing"));
        try (ReportRun run = ReportRun.open(dir.resolve("out"), options)) {
            ReportBatch.write(run);
        }
        report = EXACT.readTree(dir.resolve("out/compliance-report.json").toFile());
    }

    static String t(JsonNode n) {
        return n.isNull() ? null : n.asText();
    }

    @Test
    void runNamesRulesReferenceDataInputsAndTime() {
        JsonNode run = report.get("run");
        assertThat(report.get("reportVersion").asInt()).isEqualTo(1);
        assertThat(t(run.get("startedAt"))).isEqualTo("2026-04-01T10:00:00Z");
        assertThat(t(run.get("finishedAt"))).isEqualTo("2026-04-01T10:00:01.500Z");
        assertThat(run.get("durationMillis").asLong()).isEqualTo(1500);
        assertThat(t(run.get("auditDate"))).isEqualTo("2026-04-01");
        assertThat(t(run.get("ruleSetVersion"))).isEqualTo(ReportBatch.RULE_SET);
        assertThat(texts(run.get("referenceData"))).isEqualTo(ReportBatch.ALL_REFERENCE);
        JsonNode in = run.get("inputs").get(0);
        assertThat(t(in.get("path"))).isEqualTo(input.toString());
        assertThat(t(in.get("role"))).isEqualTo("claims");
        assertThat(in.get("bytes").asLong()).isEqualTo(6);
        // sha256sum of "hello\n"
        assertThat(t(in.get("sha256"))).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        JsonNode history = run.get("inputs").get(1);
        assertThat(t(history.get("role"))).isEqualTo("history");
        assertThat(history.get("bytes").asLong()).isZero();
        // sha256 of nothing
        assertThat(t(history.get("sha256"))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(run.get("inputs")).hasSize(2);
    }

    @Test
    void claimAndFindingTotals() {
        JsonNode c = report.get("claims");
        assertThat(c.get("read").asLong()).isEqualTo(7);
        assertThat(c.get("pass").asLong()).isEqualTo(2);      // C1 (INFO only), C6
        assertThat(c.get("review").asLong()).isEqualTo(1);    // C3
        assertThat(c.get("reject").asLong()).isEqualTo(3);    // C2, C4, C7
        assertThat(c.get("error").asLong()).isEqualTo(1);     // C5
        assertThat(t(c.get("cleanClaimRate"))).isEqualTo("0.2857"); // 2 / 7
        assertThat(c.get("lines").asLong()).isEqualTo(12);
        assertThat(t(c.get("totalCharge"))).isEqualTo("1270.00");
        // C2 60 (two findings on line 3 count once) + C3 80 + C4 300 (claim-level, capped) + C7 300
        assertThat(t(c.get("amountAtRisk"))).isEqualTo("740.00");
        JsonNode f = report.get("findings");
        assertThat(f.get("total").asLong()).isEqualTo(9);
        assertThat(f.get("error").asLong()).isEqualTo(6);
        assertThat(f.get("warning").asLong()).isEqualTo(2);
        assertThat(f.get("info").asLong()).isEqualTo(1);
        assertThat(t(f.get("amountAtRisk"))).isEqualTo("1130.00"); // 0+60+60+80+300+300+30+90+210
        assertThat(f.get("withoutServiceDate").asLong()).isZero();
    }

    @Test
    void byCategoryListsEveryCategoryInCatalogOrder() {
        List<String> rows = new ArrayList<>();
        report.get("byCategory").forEach(r -> rows.add(String.join(" ", t(r.get("category")), t(r.get("findings")),
                t(r.get("errors")), t(r.get("warnings")), t(r.get("infos")), t(r.get("claims")), t(r.get("amountAtRisk")))));
        assertThat(rows).containsExactly(
                "PTP 2 1 0 1 2 60.00",
                "MUE 2 2 0 0 2 240.00",
                "ADD_ON 1 0 1 0 1 80.00",
                "MODIFIER 1 0 1 0 1 90.00",
                "CODE_VALIDITY 0 0 0 0 0 0.00",
                "DEMOGRAPHIC 0 0 0 0 0 0.00",
                "PAYER_POLICY 0 0 0 0 0 0.00",
                "CLAIM_DATA 3 3 0 0 2 660.00");
    }

    @Test
    void byRuleRankedByMoneyThenFindingsThenIdWithRatesAndDescription() {
        List<String> rows = new ArrayList<>();
        report.get("byRule").forEach(r -> rows.add(String.join(" ", t(r.get("ruleId")), t(r.get("category")),
                t(r.get("severity")), t(r.get("findings")), t(r.get("claims")), t(r.get("amountAtRisk")),
                t(r.get("rejected")), rates(r.get("rates")))));
        assertThat(rows).containsExactly(
                "CLAIM-REQUIRED-FIELD CLAIM_DATA ERROR 2 1 600.00 1 2.0000 1.0000 600.00", // two findings, one claim
                "NCCI-MUE-LINE MUE ERROR 1 1 210.00 1 1.0000 1.0000 210.00",
                "MOD-59-NO-PTP MODIFIER WARNING 1 1 90.00 1 1.0000 1.0000 90.00",
                "NCCI-AOC-UNDEFINED ADD_ON WARNING 1 1 80.00 0 1.0000 0.0000 80.00", // C3 is REVIEW
                "CLAIM-UNITS-MIN CLAIM_DATA ERROR 1 1 60.00 1 1.0000 1.0000 60.00", // tie on money and findings: by id
                "NCCI-PTP-PAIR PTP ERROR 1 1 60.00 1 1.0000 1.0000 60.00",
                "NCCI-MUE-DOS-CLINICAL MUE ERROR 1 1 30.00 1 1.0000 1.0000 30.00",
                "NCCI-PTP-BYPASSED PTP INFO 1 1 0.00 0 1.0000 0.0000 0.00");
        assertThat(t(report.get("byRule").get(0).get("description"))).isEqualTo("A field the payer needs is missing");
        assertThat(report.get("byRule").get(1).get("description").isNull()).isTrue(); // not in the catalog given
    }

    @Test
    void byProcedureCodeSplitsMoneyByTheLinesAtRisk() {
        JsonNode codes = report.get("byProcedureCode");
        assertThat(codes.get("count").asInt()).isEqualTo(10); // nine codes and the claim level
        List<String> rows = new ArrayList<>();
        codes.get("rows").forEach(r -> rows.add(String.join(" ", t(r.get("procedureCode")), t(r.get("claims")),
                t(r.get("lines")), t(r.get("findings")), t(r.get("amountAtRisk")), t(r.get("rejected")),
                rates(r.get("rates")))));
        // C4: 300 at risk, its MUE finding puts 20 on 99205 and 10 on 99215, the other 270 no line carries
        assertThat(rows).containsExactly("(claim level) 1 0 2 270.00 1 2.0000 1.0000 270.00",
                "11042 1 1 1 210.00 1 1.0000 1.0000 210.00");
        // 99213 170 (C3 80, C7 90) + 97140 60 + 99205 20 + 99215 10; the codes' money adds up to the claims'
        assertThat(t(codes.get("others").get("amountAtRisk"))).isEqualTo("260.00");
        assertThat(t(report.get("claims").get("amountAtRisk"))).isEqualTo("740.00"); // 270 + 210 + 260
    }

    @Test
    void topClaimsByMoneyAtRiskEarlierFirstOnTies() {
        List<String> rows = new ArrayList<>();
        report.get("topClaims").forEach(r -> rows.add(String.join(" ", t(r.get("claimId")), t(r.get("providerNpi")),
                t(r.get("payerId")), t(r.get("serviceDate")), t(r.get("status")), t(r.get("findings")),
                r.get("rules").toString(), t(r.get("totalCharge")), t(r.get("amountAtRisk")))));
        assertThat(rows).containsExactly(
                "C4 " + ReportBatch.B + " ACME 2026-02-20 REJECT 3 [\"CLAIM-REQUIRED-FIELD\",\"NCCI-MUE-DOS-CLINICAL\"] 300.00 300.00",
                ReportBatch.FORMULA_ID + " " + ReportBatch.A + " MEDICARE 2026-03-15 REJECT 2 [\"MOD-59-NO-PTP\",\"NCCI-MUE-LINE\"] 300.00 300.00",
                "C3 " + ReportBatch.B + " ACME 2026-02-03 REVIEW 1 [\"NCCI-AOC-UNDEFINED\"] 200.00 80.00",
                "C2 " + ReportBatch.A + " MEDICARE 2026-01-15 REJECT 2 [\"NCCI-PTP-PAIR\",\"CLAIM-UNITS-MIN\"] 250.00 60.00");
    }

    @Test
    void fixFirstRanksRuleAndProviderPairsByMoney() {
        List<String> rows = new ArrayList<>();
        report.get("fixFirst").forEach(r -> rows.add(String.join(" ", t(r.get("ruleId")), t(r.get("npi")),
                t(r.get("findings")), t(r.get("claims")), t(r.get("amountAtRisk")))));
        assertThat(rows).containsExactly(
                "CLAIM-REQUIRED-FIELD " + ReportBatch.B + " 2 1 600.00", // claim level: the claim's provider
                "NCCI-MUE-LINE " + ReportBatch.A + " 1 1 210.00",
                "MOD-59-NO-PTP " + ReportBatch.A + " 1 1 90.00",
                "NCCI-AOC-UNDEFINED " + ReportBatch.C + " 1 1 80.00", // C3's line 2 is rendered by C
                "CLAIM-UNITS-MIN " + ReportBatch.A + " 1 1 60.00",
                "NCCI-PTP-PAIR " + ReportBatch.A + " 1 1 60.00",
                "NCCI-MUE-DOS-CLINICAL " + ReportBatch.B + " 1 1 30.00"); // INFO (nothing at risk) left out
        assertThat(t(report.get("fixFirst").get(0).get("description"))).isEqualTo("A field the payer needs is missing");
    }

    private static String rates(JsonNode r) {
        return String.join(" ", t(r.get("findingsPerClaim")), t(r.get("rejectedShare")), t(r.get("amountAtRiskPerClaim")));
    }

    @Test
    void denialsByCarcAddUpToErrorAndWarningFindings() {
        List<String> rows = new ArrayList<>();
        report.get("byCarc").forEach(r -> rows.add(String.join(" ", t(r.get("adjustment")), t(r.get("groupCode")),
                t(r.get("carc")), t(r.get("findings")), t(r.get("errors")), t(r.get("warnings")), t(r.get("claims")),
                t(r.get("amountAtRisk")), r.get("rules").toString())));
        assertThat(rows).containsExactly(
                // C2 units 60 + C4 two required fields 300 + 300, on two claims
                "CO-16 CO 16 3 3 0 2 660.00 [\"CLAIM-REQUIRED-FIELD\",\"CLAIM-UNITS-MIN\"]",
                "CO-96 CO 96 2 2 0 2 240.00 [\"NCCI-MUE-DOS-CLINICAL\",\"NCCI-MUE-LINE\"]", // 30 + 210
                "(none) null null 1 0 1 1 90.00 [\"MOD-59-NO-PTP\"]", // a rule without @carc
                "CO-236 CO 236 1 1 0 1 60.00 [\"NCCI-PTP-PAIR\"]",
                "CO-B15 CO B15 1 0 1 1 80.00 [\"NCCI-AOC-UNDEFINED\"]");
        long denials = 0;
        for (JsonNode r : report.get("byCarc")) {
            denials += r.get("findings").asLong();
        }
        JsonNode f = report.get("findings");
        assertThat(denials).isEqualTo(f.get("error").asLong() + f.get("warning").asLong()); // INFO is no denial
    }

    @Test
    void byPayerAndByProviderTopNWithTheRestSummed() {
        JsonNode payers = report.get("byPayer");
        assertThat(payers.get("top").asInt()).isEqualTo(2);
        assertThat(payers.get("count").asInt()).isEqualTo(2);
        assertThat(payers.get("others").isNull()).isTrue();
        List<String> p = new ArrayList<>();
        payers.get("rows").forEach(r -> p.add(String.join(" ", t(r.get("payerId")), t(r.get("claims")),
                t(r.get("rejected")), t(r.get("findings")), t(r.get("amountAtRisk")))));
        assertThat(p).containsExactly("ACME 2 1 4 380.00", "MEDICARE 4 2 5 360.00");
        assertThat(rates(payers.get("rows").get(0).get("rates"))).isEqualTo("2.0000 0.5000 190.00");
        assertThat(rates(payers.get("rows").get(1).get("rates"))).isEqualTo("1.2500 0.5000 90.00");

        JsonNode providers = report.get("byProvider");
        assertThat(providers.get("count").asInt()).isEqualTo(3);
        List<String> v = new ArrayList<>();
        providers.get("rows").forEach(r -> v.add(String.join(" ", t(r.get("npi")), t(r.get("claims")),
                t(r.get("lines")), t(r.get("findings")), t(r.get("amountAtRisk")))));
        // A: C1, C2, C7; B: C3 line 1 and C4 (claim-level findings go to the claim's provider); C: C3 line 2, C6
        assertThat(v).containsExactly(ReportBatch.A + " 3 7 5 360.00", ReportBatch.B + " 2 3 3 300.00");
        // A: C2 and C7 rejected of three claims; B: C4 of two (C3 is REVIEW)
        assertThat(providers.get("rows").get(0).get("rejected").asLong()).isEqualTo(2);
        assertThat(rates(providers.get("rows").get(0).get("rates"))).isEqualTo("1.6667 0.6667 120.00");
        assertThat(rates(providers.get("rows").get(1).get("rates"))).isEqualTo("1.5000 0.5000 150.00");
        JsonNode others = providers.get("others");
        assertThat(String.join(" ", t(others.get("npi")), t(others.get("claims")), t(others.get("lines")),
                t(others.get("findings")), t(others.get("amountAtRisk")))).isEqualTo("(others) 2 2 1 80.00");
    }

    @Test
    void findingsByMonthOfService() {
        List<String> rows = new ArrayList<>();
        report.get("byServiceMonth").forEach(r -> rows.add(String.join(" ", t(r.get("month")), t(r.get("findings")),
                t(r.get("amountAtRisk")))));
        assertThat(rows).containsExactly("2026-01 3 120.00", "2026-02 4 710.00", "2026-03 2 300.00");
    }

    @Test
    void modifier59xRatePerProviderAgainstTheRun() {
        JsonNode b = report.get("modifierBypass");
        assertThat(texts(b.get("modifiers"))).containsExactly("59", "XE", "XS", "XP", "XU");
        assertThat(b.get("lines").asLong()).isEqualTo(12);
        assertThat(b.get("linesWithModifier").asLong()).isEqualTo(4); // C1 l2 59, C2 l2 XU, C4 l1 XS, C7 l1 59
        assertThat(t(b.get("rate"))).isEqualTo("0.3333");
        assertThat(b.get("providerCount").asInt()).isEqualTo(3);
        List<String> rows = new ArrayList<>();
        b.get("providers").forEach(r -> rows.add(String.join(" ", t(r.get("npi")), t(r.get("lines")),
                t(r.get("linesWithModifier")), t(r.get("rate")), t(r.get("expectedAtRunRate")), t(r.get("excess")),
                t(r.get("ratioToRun")))));
        // A: 3 of 7 lines, expects 7 * 4/12 = 2.33; B: 1 of 3, exactly the run rate. C (0 of 2) is third, cut by top 2.
        assertThat(rows).containsExactly(ReportBatch.A + " 7 3 0.4286 2.33 0.67 1.29",
                ReportBatch.B + " 3 1 0.3333 1.00 0.00 1.00");
    }

    @Test
    void emLevelDistributionIsASignalPerProviderAgainstTheRun() {
        JsonNode em = report.get("emLevels");
        assertThat(t(em.get("kind"))).isEqualTo("signal");
        assertThat(t(em.get("note"))).contains("not a finding");
        JsonNode run = em.get("run");
        assertThat(family(run.get("newPatient"))).isEqualTo(
                "visits 2 | 99202 0 0.0000 | 99203 1 0.5000 | 99204 0 0.0000 | 99205 1 0.5000 | mean 4.00");
        assertThat(family(run.get("established"))).isEqualTo(
                "visits 6 | 99211 0 0.0000 | 99212 1 0.1667 | 99213 3 0.5000 | 99214 1 0.1667 | 99215 1 0.1667 | mean 3.33");
        assertThat(em.get("providerCount").asInt()).isEqualTo(3);
        JsonNode a = em.get("providers").get(0);
        assertThat(t(a.get("npi"))).isEqualTo(ReportBatch.A);
        assertThat(family(a.get("established"))).isEqualTo(
                "visits 3 | 99211 0 0.0000 | 99212 0 0.0000 | 99213 2 0.6667 | 99214 1 0.3333 | 99215 0 0.0000 | mean 3.33");
        assertThat(family(a.get("newPatient"))).isEqualTo(
                "visits 0 | 99202 0 null | 99203 0 null | 99204 0 null | 99205 0 null | mean null");
        JsonNode b = em.get("providers").get(1);
        assertThat(t(b.get("npi"))).isEqualTo(ReportBatch.B);
        assertThat(family(b.get("newPatient"))).isEqualTo(
                "visits 2 | 99202 0 0.0000 | 99203 1 0.5000 | 99204 0 0.0000 | 99205 1 0.5000 | mean 4.00");
        assertThat(em.get("providers")).hasSize(2);
    }

    @Test
    void defaultTopNKeepsEveryRowWhenFewer() throws IOException {
        Path out = dir.resolve("default");
        try (ReportRun run = ReportRun.open(out, ReportRun.Options.of(EnumSet.of(ReportFormat.JSON), List.of()))) {
            ReportBatch.write(run);
        }
        JsonNode r = EXACT.readTree(out.resolve("compliance-report.json").toFile());
        assertThat(r.get("byProvider").get("top").asInt()).isEqualTo(ReportRun.DEFAULT_TOP_N);
        assertThat(r.get("byProvider").get("rows")).hasSize(3);
        assertThat(r.get("byProvider").get("others").isNull()).isTrue();
        assertThat(r.get("run").get("inputs")).isEmpty();
        assertThat(r.get("run").get("auditDate").isNull()).isTrue();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("claim-summaries.json", "compliance-report.json", "error-report.json");
        }
    }

    private static String family(JsonNode f) {
        StringBuilder s = new StringBuilder("visits " + f.get("visits").asLong());
        f.get("counts").fields().forEachRemaining(e -> s.append(" | ").append(e.getKey()).append(' ')
                .append(e.getValue().asLong()).append(' ').append(t(f.get("shares").get(e.getKey()))));
        return s.append(" | mean ").append(t(f.get("meanLevel"))).toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
