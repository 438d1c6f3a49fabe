package org.claimauditor.pipeline.source;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X12 837 in: the real sample files of the x12-parser project (src/test/resources/cms-samples/x12, see its
 * PROVENANCE.md), this project's 837P and 837I fixtures (src/test/resources/x12) and broken variants of them.
 */
class X12ClaimsTest {

    static final Path SAMPLES = Path.of("src/test/resources/cms-samples/x12");
    static final Path FIXTURES = Path.of("src/test/resources/x12");
    static final Path PROFESSIONAL = FIXTURES.resolve("professional-claims.837");
    static final Path INSTITUTIONAL = FIXTURES.resolve("institutional-claim.837");

    @TempDir
    Path tmp;

    static List<ClaimInput> read(Path... files) {
        return read(Limits.DEFAULTS, files);
    }

    static List<ClaimInput> read(Limits limits, Path... files) {
        try (Stream<ClaimInput> s = new ClaimFiles(List.of(files), limits).claims()) {
            return s.toList();
        }
    }

    /** A variant of a fixture, written under the test's folder with the same file name. */
    private Path variant(Path of, String from, String to) throws IOException {
        String text = Files.readString(of);
        assertThat(text).contains(from);
        Path f = tmp.resolve(of.getFileName().toString());
        Files.writeString(f, text.replace(from, to));
        return f;
    }

    @Test
    void billingProviderTaxonomyComesFromPrvInTheBillingProviderLoopOnly() throws IOException {
        // 2000A PRV*BI gives the specialty; the rendering provider's PRV*PE (loop 2310B) is not the billing one.
        Path f = variant(PROFESSIONAL, "HL*1**20*1~\nNM1*85*2*NORTH CLINIC",
                "HL*1**20*1~\nPRV*BI*PXC*207Q00000X~\nNM1*85*2*NORTH CLINIC");
        String text = Files.readString(f).replace("NM1*82*1*SMITH*ANNA****XX*1234567893~",
                "NM1*82*1*SMITH*ANNA****XX*1234567893~\nPRV*PE*PXC*207RC0000X~");
        Files.writeString(f, text);
        List<ClaimInput> in = read(f);
        assertThat(in.get(0).error()).isNull();
        assertThat(in.get(0).claim().billingProvider()).isEqualTo(new Claim.Provider("1234567893", "123456789", "207Q00000X"));
        assertThat(in.get(1).claim().billingProvider().taxonomy()).isNull(); // the other billing provider has no PRV
    }

    @Test
    void professionalFileMapsEnvelopesHierarchyClaimsAndLines() {
        List<ClaimInput> in = read(PROFESSIONAL);

        // four CLMs in two transactions, under two billing providers, one of them for a dependent patient
        assertThat(in).extracting(ClaimInput::claimId).containsExactly("S-1001", "S-1002", "S-1005", "S-1006");
        assertThat(in).allMatch(ClaimInput::readable);
        assertThat(in).extracting(ClaimInput::index).containsExactly(0, 1, 2, 3);
        assertThat(in).extracting(ClaimInput::origin).containsExactly(
                PROFESSIONAL + ": claim 1 (segment 20)", PROFESSIONAL + ": claim 2 (segment 41)",
                PROFESSIONAL + ": claim 3 (segment 62)", PROFESSIONAL + ": claim 4 (segment 89)");

        Claim first = in.get(0).claim();
        assertThat(first.claimType()).isEqualTo(Claim.ClaimType.PROFESSIONAL);
        assertThat(first.payerId()).isEqualTo("MEDICARE");
        assertThat(first.billingProvider()).isEqualTo(new Claim.Provider("1234567893", "123456789"));
        assertThat(first.renderingProvider()).isEqualTo(new Claim.Provider("1234567893", null));
        assertThat(first.patient()).isEqualTo(new Claim.Patient("P-1", LocalDate.of(1958, 4, 2), Claim.Sex.F));
        assertThat(first.placeOfService()).isEqualTo("11");
        assertThat(first.frequencyCode()).isEqualTo("1");
        assertThat(first.diagnoses()).containsExactly("E119", "I10");
        Claim.ServiceLine l1 = first.lines().get(0);
        assertThat(l1.lineNumber()).isEqualTo(1);
        assertThat(l1.procedureCode()).isEqualTo("99213");
        assertThat(l1.modifiers()).containsExactly("25");
        assertThat(l1.charge()).isEqualByComparingTo("125");
        assertThat(l1.units()).isEqualTo(1);
        assertThat(l1.diagnosisPointers()).containsExactly(1, 2);
        assertThat(l1.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 2));

        // the second billing provider's HL carries over to the next subscriber; the dependent patient is 2000C
        Claim dependent = in.get(2).claim();
        assertThat(dependent.billingProvider().npi()).isEqualTo("1987654328");
        assertThat(dependent.patient()).isEqualTo(new Claim.Patient("M-7/DOE/EMMA", LocalDate.of(2015, 6, 10), Claim.Sex.F));
        assertThat(dependent.frequencyCode()).isEqualTo("7");
        assertThat(dependent.renderingProvider()).isNull();
        Claim.ServiceLine ranged = dependent.lines().get(0);
        assertThat(ranged.serviceDate()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(ranged.serviceDateTo()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(ranged.renderingProviderNpi()).isEqualTo("1928374655");
        assertThat(ranged.placeOfService()).isEqualTo("11");
        assertThat(dependent.lines().get(1).modifiers()).containsExactly("QW");

        // the second transaction's header and billing provider are its own
        assertThat(in.get(3).claim().billingProvider().npi()).isEqualTo("1234567893");
    }

    @Test
    void institutionalA3FileMapsRevenueCodesAndStatementDates() {
        List<ClaimInput> in = read(INSTITUTIONAL);

        assertThat(in).hasSize(1);
        Claim c = in.get(0).claim();
        assertThat(in.get(0).error()).isNull();
        assertThat(c.claimType()).isEqualTo(Claim.ClaimType.INSTITUTIONAL);
        assertThat(c.placeOfService()).as("CLM05-1, the facility type code on an 837I").isEqualTo("13");
        assertThat(c.diagnoses()).containsExactly("R0789", "I10");
        assertThat(c.renderingProvider().npi()).as("NM1*82 of loop 2310D, not the attending NM1*71").isEqualTo("1928374655");
        assertThat(c.lines()).extracting(Claim.ServiceLine::revenueCode).containsExactly("0450", "0300");
        assertThat(c.lines()).extracting(Claim.ServiceLine::procedureCode).containsExactly("99284", "80053");
        assertThat(c.lines().get(1).serviceDate()).as("a line without DTP*472 takes the statement period (DTP*434)")
                .isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void realInstitutionalSampleIsRead() {
        List<ClaimInput> in = read(SAMPLES.resolve("x223-test.txt"));

        assertThat(in).hasSize(1);
        Claim c = in.get(0).claim();
        assertThat(c.claimId()).isEqualTo("A37YH556");
        assertThat(c.claimType()).isEqualTo(Claim.ClaimType.INSTITUTIONAL);
        assertThat(c.payerId()).isEqualTo("11122333");
        assertThat(c.billingProvider()).isEqualTo(new Claim.Provider("1234567890", "123456789"));
        assertThat(c.patient()).isEqualTo(new Claim.Patient("123456", LocalDate.of(1961, 11, 24), Claim.Sex.M));
        assertThat(c.diagnoses()).containsExactly("1739");
        Claim.ServiceLine line = c.lines().get(0);
        assertThat(line.revenueCode()).isEqualTo("0300");
        assertThat(line.procedureCode()).isEqualTo("81099");
        assertThat(line.charge()).isEqualTo(new BigDecimal("73.42"));
        assertThat(line.units()).isEqualTo(1);
        assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2005, 3, 14));
        assertThat(line.serviceDateTo()).isEqualTo(LocalDate.of(2005, 3, 25));
    }

    @Test
    void realProfessionalSampleGivesOneResultPerClaimWithItsHiErrorPinned() throws IOException {
        Path complex = SAMPLES.resolve("x12_complex.txt");
        List<ClaimInput> in = read(complex);

        // the sample writes HI*BK*8901 (qualifier and code in separate elements) where 5010 wants HI*BK:8901
        List<Integer> clm = segmentNumbers(Files.readString(complex), "CLM");
        assertThat(in).hasSize(6).hasSize(clm.size()).noneMatch(ClaimInput::readable);
        for (int i = 0; i < in.size(); i++) {
            assertThat(in.get(i).error()).startsWith(complex + ": claim " + (i + 1) + " (segment " + clm.get(i)
                    + "): segment " + (clm.get(i) + 1) + " (loop 2300, HI-01): diagnosis qualifier 'BK' has no code");
        }
        assertThat(in).extracting(ClaimInput::claimId)
                .containsExactly("A37YH556", "A37YH667", "A37YH668", "A37YH556", "A37YH667", "A37YH668");
    }

    @Test
    void manyClaimsSampleStreamsEveryClaim() throws IOException {
        Path many = SAMPLES.resolve("x12_many_claims.txt");
        // the same file with its HI segments in 5010 form (qualifier:code), to read all 820 claims through
        String text = Files.readString(many).replace("HI*BK*8901*BF*87200*", "HI*BK:8901*BF:87200*")
                .replace("HI*BK*1987*BF*4134*", "HI*BK:1987*BF:4134*");
        Path fixed = tmp.resolve("x12_many_claims.txt");
        Files.writeString(fixed, text);

        List<ClaimInput> in = read(fixed);

        assertThat(in).hasSize(820).allMatch(ClaimInput::readable);
        assertThat(in.get(0).claim().diagnoses()).containsExactly("8901", "87200", "5559");
        assertThat(in.get(819).claim().lines().get(0).diagnosisPointers()).containsExactly(1, 2, 3);
        assertThat(in.get(819).claim().lines().get(0).serviceDateTo()).isEqualTo(LocalDate.of(2005, 3, 25));
        List<Integer> clm = segmentNumbers(text, "CLM");
        assertThat(in.get(819).origin()).isEqualTo(fixed + ": claim 820 (segment " + clm.get(819) + ")");
    }

    @Test
    void badUnitsFailOnlyTheirClaimPinnedToSegmentLoopAndElement() throws IOException {
        Path f = variant(PROFESSIONAL, "SV1*HC:97140*60*UN*1***1~", "SV1*HC:97140*60*UN*x***1~");

        List<ClaimInput> in = read(f);

        assertThat(in).hasSize(4);
        assertThat(in.get(0).readable()).isFalse();
        assertThat(in.get(0).claimId()).isEqualTo("S-1001");
        assertThat(in.get(0).error()).isEqualTo(
                f + ": claim 1 (segment 20): segment 27 (loop 2400, SV1-04): units 'x' is not a number");
        assertThat(in.subList(1, 4)).allMatch(ClaimInput::readable);
    }

    @Test
    void badDatesChargesPointersAndSexAreEachNamed() throws IOException {
        Path f = variant(PROFESSIONAL, "SV1*HC:99213:25*125*UN*1***1:2~\nDTP*472*D8*20260302~",
                "SV1*HC:99213:25*12.505*UN*1.5***1:z~\nDTP*472*D8*20260231~");
        String text = Files.readString(f).replace("DMG*D8*19580402*F~", "DMG*D8*19580402*Q~");
        Files.writeString(f, text);

        ClaimInput first = read(f).get(0);

        assertThat(first.error()).contains(
                "segment 18 (loop 2010BA, DMG-03): sex 'Q' is not F, M or U",
                "segment 24 (loop 2400, SV1-02): charge '12.505' is out of range",
                "segment 24 (loop 2400, SV1-04): units '1.5' is not a whole number",
                "segment 24 (loop 2400, SV1-07): diagnosis pointer 'z' is not a number",
                "segment 25 (loop 2400, DTP-03): date '20260231' is not a date CCYYMMDD");
    }

    @Test
    void missingClmIsAnErrorAtItsFirstSegmentAndTheOtherClaimsAreRead() throws IOException {
        Path f = variant(PROFESSIONAL, "CLM*S-1002*135***11:B:1*Y*A*Y*Y~\n", "");

        List<ClaimInput> in = read(f);

        assertThat(in).hasSize(4);
        assertThat(in.get(1).readable()).isFalse();
        assertThat(in.get(1).error()).isEqualTo(f + ": segment 41 (HI): diagnoses with no claim: no CLM segment "
                + "before it under this subscriber or patient (is the CLM segment missing?)");
        assertThat(List.of(in.get(0), in.get(2), in.get(3))).allMatch(ClaimInput::readable)
                .extracting(ClaimInput::claimId).containsExactly("S-1001", "S-1005", "S-1006");
        assertThat(in.get(2).origin()).isEqualTo(f + ": claim 2 (segment 61)");
    }

    @Test
    void truncatedFileFailsTheClaimItEndsInAndKeepsTheOnesBefore() throws IOException {
        String text = Files.readString(PROFESSIONAL);
        Path f = tmp.resolve("cut.837");
        Files.writeString(f, text.substring(0, text.indexOf("SV1*HC:87880") + 9));

        List<ClaimInput> in = read(f);

        assertThat(in).extracting(ClaimInput::claimId).containsExactly("S-1001", "S-1002", "S-1005");
        assertThat(in.subList(0, 2)).allMatch(ClaimInput::readable);
        assertThat(in.get(2).error()).isEqualTo(f + ": claim 3 (segment 62): the file ends inside segment 69 "
                + "('SV1*HC:87', no segment terminator '~' after it): the file is truncated");

        // cut after a whole segment: the transaction's SE, GE and IEA are missing
        Files.writeString(f, text.substring(0, text.indexOf("LX*2~\nSV1*HC:87880")));
        assertThat(read(f).get(2).error()).isEqualTo(f + ": claim 3 (segment 62): the file ends after segment 67 "
                + "inside this claim, before the SE, GE and IEA that close its transaction: the file is truncated");
    }

    @Test
    void wrongSegmentTerminatorIsOneErrorNamingTheFile() throws IOException {
        String text = Files.readString(PROFESSIONAL);
        int isaEnd = text.indexOf('~') + 1;
        Path f = tmp.resolve("bang.837");
        Files.writeString(f, text.substring(0, isaEnd) + text.substring(isaEnd).replace('~', '!'));

        List<ClaimInput> in = read(f);

        assertThat(in).hasSize(1);
        assertThat(in.get(0).error()).isEqualTo(f + ": segment 2 has a line break inside it, so the file does not "
                + "end its segments with '~', the terminator its ISA segment declares (its 106th character); it "
                + "seems to end them with '!' (a file wrapped at a fixed width must be unwrapped first)");

        // the same without line breaks: the GS segment runs on
        Files.writeString(f, (text.substring(0, isaEnd) + text.substring(isaEnd).replace('~', '!')).replace("\n", ""));
        assertThat(read(f)).singleElement().extracting(ClaimInput::error).asString()
                .startsWith(f + ": segment 2 (GS) has ").contains("elements where a GS has 8");
    }

    @Test
    void aFileThatIsNotX12IsOneErrorNamingTheFile() throws IOException {
        Path f = tmp.resolve("claims.837");
        Files.writeString(f, "{\"claimId\": \"C-1\"}\n");

        assertThat(read(f)).singleElement().satisfies(c -> {
            assertThat(c.readable()).isFalse();
            assertThat(c.error()).isEqualTo(f + ": not an X12 file: it does not begin with an ISA segment "
                    + "(it begins with '{\"claimId\": \"C-1\"}\\n')");
        });
        Files.writeString(f, "ISA*00*short~");
        assertThat(read(f)).singleElement().extracting(ClaimInput::error)
                .isEqualTo(f + ": segment 1 (ISA): the file ends after 13 characters; an ISA segment has 106");
    }

    @Test
    void unsupportedGuideAndOversizedClaimAreErrorsOfTheirClaim() throws IOException {
        Path f = variant(PROFESSIONAL, "ST*837*0002*005010X222A1~", "ST*837*0002*004010X098A1~");
        List<ClaimInput> in = read(f);
        assertThat(in.get(3).error()).isEqualTo(f + ": claim 4 (segment 89): implementation guide '004010X098A1' "
                + "(ST-03) is not read by the auditor: expected 005010X222A1 (837P) or 005010X223A2/A3 (837I)");
        assertThat(in.subList(0, 3)).allMatch(ClaimInput::readable);

        List<ClaimInput> small = read(Limits.DEFAULTS.withMaxClaimBytes(120), PROFESSIONAL);
        assertThat(small).hasSize(4);
        // segments 20 (CLM) to 28 with their terminators
        long bytes = Files.readAllLines(PROFESSIONAL).subList(19, 28).stream().mapToLong(String::length).sum();
        assertThat(small.get(0).error()).isEqualTo(PROFESSIONAL + ": claim 1 (segment 20): claim of " + bytes
                + " bytes (segments 20 to 28) is larger than the limit of 120 bytes (auditor.limits.max-claim-bytes)");
    }

    @Test
    void aSegmentWithoutTerminatorPastTheLimitStopsTheFileWithOneError() throws IOException {
        Path f = tmp.resolve("long.edi");
        String isa = Files.readString(PROFESSIONAL).substring(0, 106);
        Files.writeString(f, isa + "GS*" + "A".repeat(Limits.X12_MAX_SEGMENT_CHARS + 10));

        assertThat(read(f)).singleElement().extracting(ClaimInput::error).isEqualTo(f + ": segment 2 runs past "
                + Limits.X12_MAX_SEGMENT_CHARS + " characters without the segment terminator '~' that the ISA "
                + "segment declares (its 106th character): the file uses another terminator or is damaged");
    }

    @Test
    void filesAreChosenByExtensionOrByALeadingIsa() throws IOException {
        Files.copy(PROFESSIONAL, tmp.resolve("a.837"));
        Files.copy(INSTITUTIONAL, tmp.resolve("b.txt"));
        Files.writeString(tmp.resolve("notes.txt"), "not a claim file");
        Files.copy(FIXTURES.resolve("institutional-claim.json"), tmp.resolve("c.json"));
        Files.copy(INSTITUTIONAL, tmp.resolve("d.dat"));

        List<Path> files = InputFormat.expand(List.of(tmp));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a.837", "b.txt", "c.json");

        List<ClaimInput> in = read(files.toArray(Path[]::new));
        assertThat(in).extracting(ClaimInput::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(in).allMatch(ClaimInput::readable);
        // named on the command line, a file of another extension is X12 when it begins with ISA
        assertThat(read(tmp.resolve("d.dat"))).singleElement().extracting(ClaimInput::claimId).isEqualTo("I-2001");
    }

    @Test
    void lineBreakTerminatorAndByteOrderMarkAreRead() throws IOException {
        String text = Files.readString(PROFESSIONAL);
        String isa = text.substring(0, 105);
        Path f = tmp.resolve("lf.x12");
        Files.writeString(f, "\uFEFF" + isa + "\n" + text.substring(107).replace("~\n", "\n"), StandardCharsets.UTF_8);

        assertThat(read(f)).hasSize(4).allMatch(ClaimInput::readable);
    }

    /** Positions (1-based) of the segments with this id in an X12 text terminated by '~'. */
    static List<Integer> segmentNumbers(String text, String id) {
        String[] segments = text.split("~");
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].strip().startsWith(id + "*")) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }
}
