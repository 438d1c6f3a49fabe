package org.claimauditor.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's contract as a property: whatever a claim holds — missing fields, nulls, empty lists, extreme units,
 * charges and dates, birth after service, thousands of modifiers, duplicate line numbers, any payer — auditing N
 * claims against the shipped rules, payer policies and bundled NCCI / code-set samples throws nothing and gives N
 * results in order with a sane status. An ERROR may only name a limit, never a rule that failed. (Named *Test so
 * surefire picks it up; jqwik runs it on the JUnit platform next to the Jupiter tests.)
 */
class AuditPropertyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    // a few patients and one busy day, so claims share sessions and the same-day joins (PTP, MUE, add-on) run
    static final List<String> PATIENTS = List.of("P-1", "P-2", "P-3", "P-4");
    static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
            LocalDate.of(2019, 6, 30), LocalDate.of(2027, 1, 1), LocalDate.of(0, 1, 1), LocalDate.of(10_000, 1, 1),
            LocalDate.MIN, LocalDate.MAX, LocalDate.of(1900, 2, 28));
    static final List<String> CODES = List.of("97140", "97110", "99213", "99215", "99292", "99291", "36415", "15777",
            "15734", "96110", "D1110", "G0438", "11042", "97597", "20610", "J1234", "0001U", "", "ABCDE", "9921",
            "99213-25", "g0438", "९९२१३");
    static final List<String> MODIFIERS = List.of("25", "59", "XU", "XS", "LT", "RT", "50", "26", "TC", "51", "76",
            "91", "GT", "95", "ZZ", "", "x", "E1");
    static final List<String> DIAGNOSES = List.of("M54.50", "E11.9", "I10", "O09.90", "Z00.00", "N40.0", "C61",
            "Z3A.01", "F01.50", "250.00", "E119", "A", "", "Z00.0000000");
    static final List<String> PAYERS = List.of("MEDICARE", "ACME", "ACME-PPO", "MEDICAID-XX", "NOBODY", "");
    static final List<String> NPIS = List.of("1234567893", "1234567890", "", "abc", "9876543213");
    static final List<String> CHARGES = List.of("0", "-1", "45.00", "0.001", "1e308", "-1e308", "1E+999",
            "99999999999999999999.99", "1e999999999");

    // ---- Claim records built in code -----------------------------------------------------------------------

    @Property(tries = 150)
    void everyClaimGetsOneSaneResult(@ForAll("batches") List<Claim> claims) {
        List<ClaimInput> inputs = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            inputs.add(ClaimInput.ok(i, "gen[" + i + "]", claims.get(i)));
        }
        List<AuditResult> results = AuditEngine.audit(TestRules.shipped(), TestRules.sample(), inputs, TODAY);
        assertSane(inputs, results);
    }

    // ---- JSON text through the reader ------------------------------------------------------------------------

    @Property(tries = 60)
    void everyJsonLineGetsOneSaneResult(@ForAll("jsonLines") List<String> lines) {
        List<ClaimInput> inputs = ClaimReader.read(String.join("\n", lines), "fuzz.jsonl", true, 0);
        assertThat(inputs).hasSize(lines.size());
        assertSane(inputs, AuditEngine.audit(TestRules.shipped(), TestRules.sample(), inputs, TODAY));
    }

    static void assertSane(List<ClaimInput> inputs, List<AuditResult> results) {
        Set<String> ruleIds = TestRules.shipped().catalog().stream().map(RuleInfo::id).collect(Collectors.toSet());
        assertThat(results).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ClaimInput in = inputs.get(i);
            AuditResult r = results.get(i);
            assertThat(r.claimId()).isEqualTo(in.claimId());
            assertThat(r.status()).isNotNull();
            if (r.status() == AuditResult.Status.ERROR) {
                assertThat(r.error()).isNotBlank().doesNotContain("\n");
                assertThat(r.findings()).isEmpty();
                if (in.readable()) { // the engine's own ERRORs name a limit; a rule that throws is a bug
                    assertThat(r.error()).as(in.claim().toString()).containsAnyOf("auditor.limits.", "cannot be represented");
                }
                continue;
            }
            assertThat(r.error()).isNull();
            assertThat(r.status()).isEqualTo(AuditResult.statusOf(r.findings()));
            Set<Integer> lineNumbers = in.claim().lines().stream().map(Claim.ServiceLine::lineNumber)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            for (Finding f : r.findings()) {
                assertThat(ruleIds).contains(f.ruleId());
                assertThat(lineNumbers).containsAll(f.lineNumbers());
                assertThat(f.message()).isNotBlank();
                assertThat(f.amountAtRisk()).isNotNull();
            }
        }
    }

    // ---- generators ----------------------------------------------------------------------------------------

    static <T> Arbitrary<T> orNull(Arbitrary<T> a) {
        return a.injectNull(0.15);
    }

    @Provide
    Arbitrary<List<Claim>> batches() {
        return claims().list().ofMinSize(1).ofMaxSize(12);
    }

    static Arbitrary<Claim> claims() {
        Arbitrary<Claim.Patient> patient = orNull(Combinators.combine(orNull(Arbitraries.of(PATIENTS)),
                orNull(Arbitraries.of(DATES)), orNull(Arbitraries.of(Claim.Sex.class))).as(Claim.Patient::new));
        Arbitrary<Claim.Provider> provider = orNull(Combinators.combine(orNull(Arbitraries.of(NPIS)),
                orNull(Arbitraries.of("123456789", "555666777", ""))).as(Claim.Provider::new));
        Arbitrary<List<String>> diagnoses = Arbitraries.of(DIAGNOSES).list().ofMaxSize(5);
        return Combinators.combine(
                orNull(Arbitraries.strings().ofMaxLength(12)),
                orNull(Arbitraries.of(Claim.ClaimType.class)),
                orNull(Arbitraries.of(PAYERS)),
                patient, provider, provider,
                orNull(Arbitraries.of("11", "02", "10", "22", "")),
                orNull(Arbitraries.of(DATES))).as((id, type, payer, pat, billing, rendering, pos, received) ->
                new Object[]{id, type, payer, pat, billing, rendering, pos, received})
                .flatMap(head -> Combinators.combine(diagnoses, serviceLines()).as((dx, ls) -> new Claim(
                        (String) head[0], (Claim.ClaimType) head[1], (String) head[2], (Claim.Patient) head[3],
                        (Claim.Provider) head[4], (Claim.Provider) head[5], (String) head[6], (LocalDate) head[7], dx, ls)));
    }

    static Arbitrary<List<Claim.ServiceLine>> serviceLines() {
        Arbitrary<List<String>> modifiers = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.of(MODIFIERS).list().ofMaxSize(6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(MODIFIERS).list().ofMinSize(1000).ofMaxSize(3000)));
        Arbitrary<Integer> units = orNull(Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, 1, 2, 3, 60, 1000, Integer.MAX_VALUE));
        Arbitrary<Claim.ServiceLine> line = Combinators.combine(
                orNull(Arbitraries.of(1, 1, 2, 3, 4, 0, -1, Integer.MAX_VALUE)),
                orNull(Arbitraries.of(DATES)),
                orNull(Arbitraries.of(DATES)).injectNull(0.6),
                orNull(Arbitraries.of(CODES)),
                modifiers,
                units,
                orNull(Arbitraries.of(CHARGES).map(BigDecimal::new)),
                Arbitraries.of(-1, 0, 1, 2, 3, 5, Integer.MAX_VALUE).list().ofMaxSize(4)).as(
                (n, from, to, code, mods, u, charge, pointers) -> new Claim.ServiceLine(n, from, to, code, mods, u, charge,
                        pointers, null, null));
        Arbitrary<Claim.ServiceLine> withProvider = Combinators.combine(line, orNull(Arbitraries.of(NPIS)).injectNull(0.7),
                orNull(Arbitraries.of("11", "02", "")).injectNull(0.7)).as((l, npi, pos) -> new Claim.ServiceLine(
                l.lineNumber(), l.serviceDate(), l.serviceDateTo(), l.procedureCode(), l.modifiers(), l.units(), l.charge(),
                l.diagnosisPointers(), npi, pos));
        return withProvider.list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<String>> jsonLines() {
        return jsonClaim().list().ofMinSize(1).ofMaxSize(8);
    }

    /** A claim as JSON with random fields dropped, nulled or of the wrong type, and nulls inside lists. */
    static Arbitrary<String> jsonClaim() {
        Arbitrary<Object> anyValue = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("x", "", "2026-13-45"),
                Arbitraries.of(-1, 0, 1, 1e308, -1e308).map(o -> (Object) o), Arbitraries.just(List.of()),
                Arbitraries.just(Map.of()));
        return Combinators.combine(claims(), Arbitraries.integers().between(0, 1 << 20), anyValue.list().ofSize(6))
                .as((claim, mask, odd) -> {
                    Map<String, Object> m = JSON.convertValue(claim, LinkedHashMap.class);
                    List<String> keys = new ArrayList<>(m.keySet());
                    int k = 0;
                    for (int i = 0; i < keys.size(); i++) {
                        int bits = (mask >> (2 * i % 20)) & 3;
                        if (bits == 1) {
                            m.remove(keys.get(i));
                        } else if (bits == 2 && i % 3 == 0) {
                            m.put(keys.get(i), odd.get(k++ % odd.size()));
                        }
                    }
                    if (m.get("lines") instanceof List<?> ls && !ls.isEmpty() && (mask & 1 << 19) != 0) {
                        List<Object> copy = new ArrayList<>(ls);
                        copy.add(null);
                        m.put("lines", copy);
                    }
                    try {
                        return JSON.writeValueAsString(m);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
