package org.claimauditor.pipeline.source;

import com.imsweb.x12.Element;
import com.imsweb.x12.Loop;
import com.imsweb.x12.Segment;
import com.imsweb.x12.reader.X12Reader;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimBounds;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one 837 claim to a {@link Claim}. {@link X12Claims} hands it the claim's segments with the envelope and
 * hierarchy above it (ISA, GS, ST header, billing provider, subscriber and patient HL levels); the x12-parser
 * library splits them into elements and places every segment in its 5010 loop (2010AA, 2300, 2310B, 2400, ...),
 * which tells NM1*82 of a claim from NM1*82 of another payer's data. Each value that cannot be read is an error
 * pinned to its segment, loop and element ({@code segment 47 (loop 2400, SV1-04): units 'x' is not a number}).
 */
final class X12ClaimMapper {

    /** The implementation guide of a GS/ST, and how the library knows it. */
    enum Guide {
        PROFESSIONAL(X12Reader.FileType.ANSI837_5010_X222, "005010X222A1", Claim.ClaimType.PROFESSIONAL),
        INSTITUTIONAL(X12Reader.FileType.ANSI837_5010_X223, "005010X223A2", Claim.ClaimType.INSTITUTIONAL);

        final X12Reader.FileType type;
        /** The version the library checks GS-08 against (its 837I map serves A1, A2 and A3 alike). */
        final String libraryVersion;
        final Claim.ClaimType claimType;

        Guide(X12Reader.FileType type, String libraryVersion, Claim.ClaimType claimType) {
            this.type = type;
            this.libraryVersion = libraryVersion;
            this.claimType = claimType;
        }

        /**
         * 837P 005010X222A1, or 837I 005010X223A1/A2/A3: the A3 errata changed no segment or loop the auditor
         * reads, so A3 files are read with the library's A2 map.
         */
        static Guide of(String version) {
            return switch (version) {
                case "005010X222A1" -> PROFESSIONAL;
                case "005010X223A1", "005010X223A2", "005010X223A3" -> INSTITUTIONAL;
                default -> null;
            };
        }
    }

    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> DIAGNOSIS_QUALIFIERS = Set.of("ABK", "ABF", "BK", "BF");
    private static final Set<String> TRAILERS = Set.of("SE", "GE", "IEA");

    private final Limits limits;

    X12ClaimMapper(Limits limits) {
        this.limits = limits;
    }

    /**
     * Parses and maps one claim.
     *
     * @param segments the claim's envelope, hierarchy and own segments in file order (no SE/GE/IEA)
     * @param gsIndex  position of the GS segment in {@code segments}, whose version is rewritten for the library
     * @param origin   "file: claim 3 (segment 41)"
     */
    ClaimInput map(int index, String origin, String claimId, Guide guide, List<X12Segment> segments, int gsIndex,
                   char element, char terminator) {
        String text = interchange(segments, gsIndex, guide, element, terminator);
        X12Reader reader;
        try {
            reader = new X12Reader(guide.type, new StringReader(text));
        } catch (IOException | RuntimeException e) {
            return ClaimInput.failed(index, origin, claimId, origin + ": the X12 parser cannot read this claim: " + e);
        }
        if (!reader.getFatalErrors().isEmpty() || reader.getLoops().size() != 1) {
            return ClaimInput.failed(index, origin, claimId, origin + ": the X12 parser cannot place this claim's "
                    + "segments in the 837 loops: " + String.join("; ", reader.getFatalErrors()));
        }
        Loop root = reader.getLoops().get(0);
        Map<Segment, Integer> numbers = number(root, segments);
        List<Loop> claims = root.findLoop("2300");
        if (claims.size() != 1) {
            return ClaimInput.failed(index, origin, claimId, origin + ": the CLM segment is not in a claim loop (2300)"
                    + " under a billing provider (HL*20) and subscriber (HL*22): check the HL segments above it");
        }
        return new Reading(root, claims.get(0), guide, numbers).claim(index, origin, claimId);
    }

    /**
     * The segments as one interchange the library can read: a terminator it accepts, GS-08 and ST-03 set to the
     * version its map expects (an A1 or A3 837I is read with the A2 map), and SE, GE and IEA trailers.
     */
    private static String interchange(List<X12Segment> segments, int gsIndex, Guide guide, char element,
                                      char terminator) {
        StringBuilder b = new StringBuilder(segments.size() * 48);
        int inTransaction = 0;
        String stControl = "";
        for (int i = 0; i < segments.size(); i++) {
            String t = segments.get(i).text();
            if (i == gsIndex) {
                int last = t.lastIndexOf(element);
                t = t.substring(0, last + 1) + guide.libraryVersion;
            }
            if (t.startsWith("ST" + element)) {
                stControl = segments.get(i).element(element, 2);
                inTransaction = 0;
                // the library also matches ST-03 against its map's version to recognise the transaction
                t = "ST" + element + segments.get(i).element(element, 1) + element + stControl + element
                        + guide.libraryVersion;
            }
            inTransaction++;
            b.append(t).append(terminator);
        }
        b.append("SE").append(element).append(inTransaction + 1).append(element).append(stControl).append(terminator);
        b.append("GE").append(element).append('1').append(element).append('1').append(terminator);
        b.append("IEA").append(element).append('1').append(element).append("000000001").append(terminator);
        return b.toString();
    }

    /**
     * The file position of each parsed segment. A loop's own segments come before its child loops in an X12
     * file (a loop is its first segment and all that follow it up to the next loop's first segment), so a
     * depth-first walk, segments before child loops, meets them in file order; the trailers the library appends
     * to their envelope loops are not in the list.
     */
    private static Map<Segment, Integer> number(Loop root, List<X12Segment> segments) {
        Map<Segment, Integer> numbers = new IdentityHashMap<>();
        int[] next = {0};
        walk(root, segments, numbers, next);
        return numbers;
    }

    private static void walk(Loop loop, List<X12Segment> segments, Map<Segment, Integer> numbers, int[] next) {
        for (Segment s : loop.getSegments()) {
            if (!TRAILERS.contains(s.getId()) && next[0] < segments.size()) {
                numbers.put(s, segments.get(next[0]++).number());
            }
        }
        for (Loop child : loop.getLoops()) {
            walk(child, segments, numbers, next);
        }
    }

    /** One claim being read; collects every problem so the error names them all. */
    private final class Reading {
        private final Loop root;
        private final Loop claimLoop;
        private final Guide guide;
        private final Map<Segment, Integer> numbers;
        private final List<String> problems = new ArrayList<>();

        Reading(Loop root, Loop claimLoop, Guide guide, Map<Segment, Integer> numbers) {
            this.root = root;
            this.claimLoop = claimLoop;
            this.guide = guide;
            this.numbers = numbers;
        }

        ClaimInput claim(int index, String origin, String claimId) {
            Segment clm = claimLoop.getSegment("CLM");
            Element facility = clm.getElement("CLM05");
            String placeOfService = facility == null ? null : blankToNull(facility.getSubElement(0));
            String frequency = facility == null ? null : blankToNull(facility.getSubElement(2));

            Segment billingName = nm1(first("2010AA"), "85");
            Claim.Provider billing = billingName == null ? null
                    : new Claim.Provider(blankToNull(value(billingName, "NM109")), tin(first("2010AA")),
                    taxonomy(first("2000A")));
            Segment payer = nm1(first("2010BB"), "PR");
            Loop subscriberLoop = first("2010BA");
            Segment subscriber = nm1(subscriberLoop, "IL");
            String memberId = subscriber == null ? null : blankToNull(value(subscriber, "NM109"));
            Loop patientLoop = first("2010CA");
            Claim.Patient patient = patientLoop != null
                    ? patient(patientLoop, memberId, nm1(patientLoop, "QC"))
                    : subscriberLoop != null ? patient(subscriberLoop, memberId, null) : null;

            Segment rendering = providerIn(claimLoop, "2310");
            List<String> diagnoses = diagnoses();
            List<Claim.ServiceLine> lines = lines();
            unread();
            if (lines.size() > limits.maxLinesPerClaim()) {
                problems.add(0, lines.size() + " service lines, more than the limit of " + limits.maxLinesPerClaim()
                        + " per claim (auditor.limits.max-lines-per-claim)");
            }
            if (!problems.isEmpty()) {
                return ClaimInput.failed(index, origin, claimId, origin + ": " + String.join("; ", problems));
            }
            Claim claim = new Claim(claimId, guide.claimType, payer == null ? null : blankToNull(value(payer, "NM109")),
                    patient, billing, rendering == null ? null : new Claim.Provider(blankToNull(value(rendering, "NM109")), null),
                    placeOfService, null, diagnoses, lines, frequency);
            return ClaimInput.ok(index, origin, claim);
        }

        private Claim.Patient patient(Loop loop, String memberId, Segment patientName) {
            String id = memberId;
            if (patientName != null) {
                // 5010 gives a dependent patient no id of its own: the subscriber's member id and the name tell
                // the subscriber's dependents apart
                id = (memberId == null ? "" : memberId) + "/" + value(patientName, "NM103") + "/"
                        + value(patientName, "NM104");
            }
            Segment dmg = loop.getSegment("DMG");
            LocalDate birth = null;
            Claim.Sex sex = null;
            if (dmg != null) {
                birth = date(dmg, loop, "DMG02", value(dmg, "DMG02"), "birth date");
                String s = value(dmg, "DMG03");
                if (!s.isEmpty()) {
                    try {
                        sex = Claim.Sex.valueOf(s);
                    } catch (IllegalArgumentException e) {
                        problems.add(at(dmg, loop, "DMG03") + "sex '" + s + "' is not F, M or U");
                    }
                }
            }
            return new Claim.Patient(id, birth, sex);
        }

        /** 2000A PRV*BI*PXC*code: the billing provider's taxonomy (specialty); only the loop's own segments. */
        private String taxonomy(Loop billingHl) {
            if (billingHl == null) {
                return null;
            }
            for (Segment prv : billingHl.getSegments()) {
                if (prv.getId().equals("PRV") && "PXC".equals(value(prv, "PRV02"))) {
                    return blankToNull(value(prv, "PRV03"));
                }
            }
            return null;
        }

        private String tin(Loop billing) {
            if (billing == null) {
                return null;
            }
            for (Segment ref : billing.findSegment("REF")) {
                if ("EI".equals(value(ref, "REF01"))) {
                    return blankToNull(value(ref, "REF02"));
                }
            }
            return null;
        }

        /** HI ABK/ABF (ICD-10-CM) and BK/BF (ICD-9-CM) codes in order; other HI qualifiers (837I value, occurrence, procedure codes) are not diagnoses. */
        private List<String> diagnoses() {
            List<String> codes = new ArrayList<>();
            for (Segment hi : claimLoop.findSegment("HI")) {
                int n = 0;
                for (Element e : hi) {
                    n++;
                    String qualifier = e.getSubElement(0) == null ? "" : e.getSubElement(0);
                    String code = e.getSubElement(1) == null ? "" : e.getSubElement(1).strip();
                    if (DIAGNOSIS_QUALIFIERS.contains(qualifier)) {
                        if (code.isEmpty()) {
                            problems.add(at(hi, claimLoop, String.format("HI-%02d", n)) + "diagnosis qualifier '"
                                    + qualifier + "' has no code (expected qualifier" + ':' + "code, e.g. ABK:E119)");
                        } else {
                            codes.add(code);
                        }
                    } else if (guide == Guide.PROFESSIONAL && !e.getValue().isEmpty()) {
                        problems.add(at(hi, claimLoop, String.format("HI-%02d", n)) + "'" + e.getValue()
                                + "' is not a diagnosis (expected ABK/ABF or BK/BF qualifier and code, e.g. ABF:I10)");
                    }
                }
            }
            return codes;
        }

        private List<Claim.ServiceLine> lines() {
            LocalDate[] statement = statementDates();
            List<Claim.ServiceLine> lines = new ArrayList<>();
            for (Loop line : claimLoop.getLoops()) {
                if (!line.getId().equals("2400")) {
                    continue;
                }
                Segment lx = line.getSegment("LX");
                Integer number = lx == null ? null : whole(lx, line, "LX01", "line number");
                Segment sv1 = line.getSegment("SV1");
                Segment sv2 = line.getSegment("SV2");
                String procedure = null;
                String revenue = null;
                List<String> modifiers = new ArrayList<>();
                BigDecimal charge = null;
                Integer units = null;
                List<Integer> pointers = new ArrayList<>();
                String placeOfService = null;
                if (sv1 != null) {
                    procedure = procedure(sv1.getElement("SV101"), modifiers);
                    charge = charge(sv1, line, "SV102");
                    units = whole(sv1, line, "SV104", "units");
                    placeOfService = blankToNull(value(sv1, "SV105"));
                    Element p = sv1.getElement("SV107");
                    if (p != null) {
                        for (String v : p.getSubValues()) {
                            Integer ptr = wholeText(sv1, line, "SV107", v, "diagnosis pointer");
                            if (ptr != null) {
                                pointers.add(ptr);
                            }
                        }
                    }
                } else if (sv2 != null) {
                    revenue = blankToNull(value(sv2, "SV201"));
                    procedure = procedure(sv2.getElement("SV202"), modifiers);
                    charge = charge(sv2, line, "SV203");
                    units = whole(sv2, line, "SV205", "units");
                } else {
                    problems.add(at(lx, line, "LX") + "service line " + value(lx, "LX01")
                            + " has no SV1 (837P) or SV2 (837I) segment");
                }
                LocalDate from = null;
                LocalDate to = null;
                Segment dtp = dtp(line, "472");
                if (dtp != null) {
                    LocalDate[] range = dates(dtp, line);
                    from = range[0];
                    to = range[1];
                } else if (statement != null) {
                    // 837I lines may leave out their dates: the claim's statement period covers them
                    from = statement[0];
                    to = statement[1];
                }
                Segment rendering = providerIn(line, "2420");
                lines.add(new Claim.ServiceLine(number, from, to, procedure, modifiers, units, charge, pointers,
                        rendering == null ? null : blankToNull(value(rendering, "NM109")), placeOfService, revenue));
            }
            return lines;
        }

        private LocalDate[] statementDates() {
            Segment dtp = guide == Guide.INSTITUTIONAL ? dtp(claimLoop, "434") : null;
            return dtp == null ? null : dates(dtp, claimLoop);
        }

        /** SV1-01 / SV2-02: qualifier (HC), code, then up to four modifiers. */
        private String procedure(Element composite, List<String> modifiers) {
            if (composite == null) {
                return null;
            }
            List<String> parts = composite.getSubValues();
            for (int i = 2; i < parts.size() && i < 6; i++) {
                if (!parts.get(i).isBlank()) {
                    modifiers.add(parts.get(i).strip());
                }
            }
            return parts.size() > 1 ? blankToNull(parts.get(1)) : null;
        }

        /** DTP D8 (one date) or RD8 (from-to). */
        private LocalDate[] dates(Segment dtp, Loop loop) {
            String format = value(dtp, "DTP02");
            String v = value(dtp, "DTP03");
            if (format.equals("RD8")) {
                int dash = v.indexOf('-');
                if (dash < 0) {
                    problems.add(at(dtp, loop, "DTP03") + "date range '" + v + "' is not CCYYMMDD-CCYYMMDD");
                    return new LocalDate[2];
                }
                return new LocalDate[] {date(dtp, loop, "DTP03", v.substring(0, dash), "date"),
                        date(dtp, loop, "DTP03", v.substring(dash + 1), "date")};
            }
            if (!format.equals("D8")) {
                problems.add(at(dtp, loop, "DTP02") + "date format '" + format + "' is not D8 or RD8");
                return new LocalDate[2];
            }
            LocalDate d = date(dtp, loop, "DTP03", v, "date");
            return new LocalDate[] {d, d};
        }

        private LocalDate date(Segment s, Loop loop, String element, String v, String what) {
            if (v.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(v, D8);
            } catch (DateTimeParseException e) {
                problems.add(at(s, loop, element) + what + " '" + v + "' is not a date CCYYMMDD");
                return null;
            }
        }

        private BigDecimal charge(Segment s, Loop loop, String element) {
            String v = value(s, element);
            if (v.isEmpty()) {
                return null;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                problems.add(at(s, loop, element) + "charge '" + v + "' is not a number");
                return null;
            }
            if (v.length() > 40 || (long) d.precision() - d.scale() > ClaimBounds.CHARGE_INTEGER_DIGITS
                    || d.stripTrailingZeros().scale() > ClaimBounds.CHARGE_DECIMALS) {
                problems.add(at(s, loop, element) + "charge '" + v + "' is out of range: a charge must be below "
                        + "1,000,000,000,000 with at most " + ClaimBounds.CHARGE_DECIMALS + " decimals");
                return null;
            }
            return d;
        }

        private Integer whole(Segment s, Loop loop, String element, String what) {
            return wholeText(s, loop, element, value(s, element), what);
        }

        private Integer wholeText(Segment s, Loop loop, String element, String v, String what) {
            if (v.isEmpty()) {
                return null;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                problems.add(at(s, loop, element) + what + " '" + v + "' is not a number");
                return null;
            }
            try {
                return d.stripTrailingZeros().intValueExact();
            } catch (ArithmeticException e) {
                problems.add(at(s, loop, element) + what + " '" + v + "' is not a whole number from "
                        + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
                return null;
            }
        }

        /** Service-line and diagnosis segments the library placed outside the loops read above would be lost in silence. */
        private void unread() {
            for (Segment s : claimLoop.getSegments()) {
                if (s.getId().equals("SV1") || s.getId().equals("SV2")) {
                    problems.add(at(s, claimLoop, s.getId()) + "service line segment outside a service line: "
                            + "no LX segment before it");
                }
            }
            for (Loop child : claimLoop.getLoops()) {
                if (!child.getId().equals("2400")) {
                    for (Segment s : child.getSegments()) {
                        if (s.getId().equals("SV1") || s.getId().equals("SV2") || s.getId().equals("HI")) {
                            problems.add(at(s, child, s.getId()) + s.getId() + " segment is out of place "
                                    + "(after the claim's other-payer or provider loops): it was not read");
                        }
                    }
                }
            }
        }

        /** NM1*82 (rendering provider) among a claim's 2310x or a line's 2420x loops. */
        private Segment providerIn(Loop parent, String loopPrefix) {
            for (Loop child : parent.getLoops()) {
                if (child.getId().startsWith(loopPrefix)) {
                    Segment s = nm1(child, "82");
                    if (s != null) {
                        return s;
                    }
                }
            }
            return null;
        }

        private Loop first(String loopId) {
            List<Loop> found = root.findLoop(loopId);
            return found.isEmpty() ? null : found.get(0);
        }

        private String at(Segment s, Loop loop, String element) {
            Integer n = s == null ? null : numbers.get(s);
            String where = element.length() > 3 && Character.isDigit(element.charAt(element.length() - 1))
                    && !element.contains("-") ? element.substring(0, element.length() - 2) + "-"
                    + element.substring(element.length() - 2) : element;
            return (n == null ? "" : "segment " + n + " ") + "(loop " + loop.getId() + ", " + where + "): ";
        }
    }

    private static Segment nm1(Loop loop, String entity) {
        if (loop == null) {
            return null;
        }
        for (Segment s : loop.findSegment("NM1")) {
            if (entity.equals(value(s, "NM101"))) {
                return s;
            }
        }
        return null;
    }

    private static Segment dtp(Loop loop, String qualifier) {
        for (Segment s : loop.findSegment("DTP")) {
            if (qualifier.equals(value(s, "DTP01"))) {
                return s;
            }
        }
        return null;
    }

    private static String value(Segment s, String element) {
        String v = s == null ? null : s.getElementValue(element);
        return v == null ? "" : v.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
