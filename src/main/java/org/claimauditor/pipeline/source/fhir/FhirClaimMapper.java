package org.claimauditor.pipeline.source.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Claim.ClaimType;
import org.claimauditor.engine.Limits;
import org.claimauditor.pipeline.source.Values;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Claim.CareTeamComponent;
import org.hl7.fhir.r4.model.Claim.DiagnosisComponent;
import org.hl7.fhir.r4.model.Claim.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A FHIR R4 {@code Claim} (parsed by HAPI) to the auditor's {@link Claim}. Every value that cannot be taken over
 * is a {@link Bad} naming its FHIR path ({@code Bundle.entry[3].resource.item[0].quantity.value}). The mapping
 * is documented in docs/fhir-input.md.
 */
final class FhirClaimMapper {

    /** Code systems of a line's procedure code, preferred over other codings of productOrService. */
    private static final Set<String> PROCEDURE_SYSTEMS = Set.of("http://www.ama-assn.org/go/cpt",
            "urn:oid:2.16.840.1.113883.6.12", "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
            "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "urn:oid:2.16.840.1.113883.6.285");
    private static final Set<String> ICD10_SYSTEMS = Set.of("http://hl7.org/fhir/sid/icd-10-cm",
            "http://hl7.org/fhir/sid/icd-10", "urn:oid:2.16.840.1.113883.6.90");
    /** careTeam roles that make a member the claim's rendering provider (HL7 claimcareteamrole; CARIN BB). */
    private static final List<String> RENDERING_ROLES = List.of("rendering", "performing", "primary");

    private FhirClaimMapper() { }

    /** A value that cannot be mapped, with its FHIR path. */
    static final class Bad extends Exception {
        Bad(String path, String message) {
            super(path + ": " + message, null, false, false);
        }
    }

    /** Finds the resource a reference points to: contained, else in the bundle; null when it is not there. */
    interface Parties {
        Party find(Reference ref);
    }

    static Claim map(org.hl7.fhir.r4.model.Claim c, String at, Parties bundle, Limits limits) throws Bad {
        Parties parties = ref -> {
            if (ref.getResource() instanceof Resource contained) {
                return Party.of(contained, at + ".contained");
            }
            return bundle.find(ref);
        };
        if (c.getItem().size() > limits.maxLinesPerClaim()) {
            throw new Bad(at + ".item", c.getItem().size() + " service lines, more than the limit of "
                    + limits.maxLinesPerClaim() + " per claim (auditor.limits.max-lines-per-claim)");
        }
        String claimId = c.getIdentifier().stream().filter(i -> i.hasValue()).map(i -> i.getValue()).findFirst()
                .orElse(c.getIdElement().getIdPart());
        Claim.Patient patient = c.hasPatient() ? patient(c.getPatient(), at + ".patient", parties) : null;
        Map<Integer, String> teamNpis = new HashMap<>();
        String renderingNpi = null;
        int renderingRank = Integer.MAX_VALUE;
        for (int i = 0; i < c.getCareTeam().size(); i++) {
            CareTeamComponent m = c.getCareTeam().get(i);
            String path = at + ".careTeam[" + i + "]";
            String npi = npi(m.getProvider(), path + ".provider", parties);
            if (m.hasSequence()) {
                teamNpis.put(m.getSequence(), npi);
            }
            for (Coding role : m.getRole().getCoding()) {
                int rank = RENDERING_ROLES.indexOf(role.getCode());
                if (rank >= 0 && rank < renderingRank && npi != null) {
                    renderingRank = rank;
                    renderingNpi = npi;
                }
            }
        }
        Claim.Provider billing = c.hasProvider() ? provider(c.getProvider(), at + ".provider", parties) : null;
        List<String> diagnoses = diagnoses(c, at);
        List<Claim.ServiceLine> lines = new ArrayList<>(c.getItem().size());
        String claimPlace = null;
        for (int i = 0; i < c.getItem().size(); i++) {
            Claim.ServiceLine line = line(c.getItem().get(i), at + ".item[" + i + "]", teamNpis);
            if (claimPlace == null) {
                claimPlace = line.placeOfService();
            }
            lines.add(line);
        }
        return new Claim(claimId, type(c.getType(), at + ".type"), payer(c.getInsurer(), parties), patient, billing,
                renderingNpi == null ? null : new Claim.Provider(renderingNpi, null), claimPlace, null, diagnoses, lines);
    }

    private static ClaimType type(CodeableConcept type, String path) throws Bad {
        for (Coding coding : type.getCoding()) {
            if ("professional".equals(coding.getCode())) {
                return ClaimType.PROFESSIONAL;
            }
            if ("institutional".equals(coding.getCode())) {
                return ClaimType.INSTITUTIONAL;
            }
        }
        if (type.hasCoding()) {
            throw new Bad(path, "claim type '" + type.getCodingFirstRep().getCode()
                    + "' is not audited: expected professional or institutional");
        }
        return null;
    }

    private static Claim.Patient patient(Reference ref, String path, Parties parties) throws Bad {
        Party p = resolved(ref, path, parties);
        if (p != null) {
            return new Claim.Patient(p.identifier(), p.birthDate(), p.sex());
        }
        String id = ref.hasIdentifier() && ref.getIdentifier().hasValue() ? ref.getIdentifier().getValue() : idPart(ref);
        return new Claim.Patient(id, null, null);
    }

    /** The insurer's identifier, else the referenced Organization's, else the id in the reference. */
    private static String payer(Reference ref, Parties parties) {
        if (ref.hasIdentifier() && ref.getIdentifier().hasValue()) {
            return ref.getIdentifier().getValue();
        }
        Party p = ref.isEmpty() ? null : parties.find(ref);
        if (p != null && p.error() == null && p.identifier() != null) {
            return p.identifier();
        }
        return idPart(ref);
    }

    private static Claim.Provider provider(Reference ref, String path, Parties parties) throws Bad {
        Party p = resolved(ref, path, parties);
        String npi = npi(ref, path, parties);
        return new Claim.Provider(npi, p == null ? null : p.tin());
    }

    /** The NPI on the reference itself (a logical reference), else on the resource it points to. */
    private static String npi(Reference ref, String path, Parties parties) throws Bad {
        if (ref.hasIdentifier() && Party.NPI.equals(ref.getIdentifier().getSystem()) && ref.getIdentifier().hasValue()) {
            return ref.getIdentifier().getValue();
        }
        Party p = resolved(ref, path, parties);
        return p == null ? null : p.npi();
    }

    private static Party resolved(Reference ref, String path, Parties parties) throws Bad {
        if (ref.isEmpty()) {
            return null;
        }
        Party p = parties.find(ref);
        if (p != null && p.error() != null) {
            throw new Bad(path, "the referenced " + (ref.hasReference() ? ref.getReference() : "resource")
                    + " cannot be read: " + p.error());
        }
        return p;
    }

    private static String idPart(Reference ref) {
        return ref.hasReference() ? new IdType(ref.getReference()).getIdPart() : null;
    }

    /** Diagnoses in sequence order; pointers count from 1, so sequences must run 1, 2, 3, … */
    private static List<String> diagnoses(org.hl7.fhir.r4.model.Claim c, String at) throws Bad {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < c.getDiagnosis().size(); i++) {
            order.add(i);
        }
        for (int i : order) {
            if (!c.getDiagnosis().get(i).hasSequence()) {
                throw new Bad(at + ".diagnosis[" + i + "].sequence", "missing; items point to diagnoses by sequence");
            }
        }
        order.sort(Comparator.comparingInt(i -> c.getDiagnosis().get(i).getSequence()));
        List<String> codes = new ArrayList<>();
        for (int n = 0; n < order.size(); n++) {
            int i = order.get(n);
            DiagnosisComponent d = c.getDiagnosis().get(i);
            String path = at + ".diagnosis[" + i + "]";
            if (d.getSequence() != n + 1) {
                throw new Bad(path + ".sequence", d.getSequence() + " where " + (n + 1)
                        + " was expected: diagnosis sequences must run 1, 2, 3, … without gaps or repeats");
            }
            if (!d.hasDiagnosisCodeableConcept()) {
                throw new Bad(path, "no diagnosisCodeableConcept: give the ICD-10-CM code (a diagnosisReference to a "
                        + "Condition is not read)");
            }
            String code = code(d.getDiagnosisCodeableConcept(), ICD10_SYSTEMS);
            if (code == null) {
                throw new Bad(path + ".diagnosisCodeableConcept", "no coding with a code");
            }
            codes.add(code);
        }
        return codes;
    }

    private static Claim.ServiceLine line(ItemComponent item, String path, Map<Integer, String> teamNpis) throws Bad {
        Integer lineNumber = item.hasSequence() ? item.getSequence() : null;
        LocalDate from = null;
        LocalDate to = null;
        if (item.hasServicedDateType()) {
            from = day(item.getServicedDateType(), path + ".servicedDate");
        } else if (item.hasServicedPeriod()) {
            from = day(item.getServicedPeriod().getStartElement(), path + ".servicedPeriod.start");
            to = day(item.getServicedPeriod().getEndElement(), path + ".servicedPeriod.end");
        }
        String procedure = item.hasProductOrService() ? code(item.getProductOrService(), PROCEDURE_SYSTEMS) : null;
        List<String> modifiers = new ArrayList<>();
        for (int m = 0; m < item.getModifier().size(); m++) {
            String code = code(item.getModifier().get(m), Set.of());
            if (code == null) {
                throw new Bad(path + ".modifier[" + m + "]", "no coding with a code");
            }
            modifiers.add(code);
        }
        Integer units = null;
        BigDecimal quantity = item.hasQuantity() && item.getQuantity().hasValue() ? item.getQuantity().getValue() : null;
        if (quantity != null) {
            units = value(path + ".quantity.value", () -> Values.whole(quantity));
        }
        BigDecimal charge = null;
        if (item.hasNet() && item.getNet().hasValue()) {
            charge = value(path + ".net.value", () -> Values.charge(cents(item.getNet().getValue())));
        } else if (item.hasUnitPrice() && item.getUnitPrice().hasValue()) {
            // no net: the line's charge is unit price times quantity (times factor), as FHIR defines net
            BigDecimal total = item.getUnitPrice().getValue().multiply(quantity != null ? quantity : BigDecimal.ONE);
            if (item.hasFactor()) {
                total = total.multiply(item.getFactor());
            }
            BigDecimal t = total;
            charge = value(path + ".unitPrice.value", () -> Values.charge(cents(t)));
        }
        List<Integer> pointers = new ArrayList<>();
        for (PositiveIntType p : item.getDiagnosisSequence()) {
            pointers.add(p.getValue());
        }
        String npi = null;
        if (item.hasCareTeamSequence()) {
            int seq = item.getCareTeamSequence().get(0).getValue();
            if (!teamNpis.containsKey(seq)) {
                throw new Bad(path + ".careTeamSequence[0]", seq + " names no careTeam member");
            }
            npi = teamNpis.get(seq);
        }
        String place = item.hasLocationCodeableConcept() ? code(item.getLocationCodeableConcept(), Set.of()) : null;
        return new Claim.ServiceLine(lineNumber, from, to, procedure, modifiers, units, charge, pointers, npi, place);
    }

    /**
     * Money in cents: HAPI reads a JSON decimal through a double, so {@code 125.00} arrives as {@code 125.0}; a
     * value with at most 2 decimals gets exactly 2 (as the other readers keep them); more are left for the charge
     * check to refuse.
     */
    private static BigDecimal cents(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 2 ? v.setScale(2) : v;
    }

    private interface Check<T> {
        T get();
    }

    private static <T> T value(String path, Check<T> check) throws Bad {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new Bad(path, e.getMessage());
        }
    }

    /** The code of the first coding in one of {@code preferred}, else of the first coding that has a code. */
    private static String code(CodeableConcept cc, Set<String> preferred) {
        for (Coding c : cc.getCoding()) {
            if (c.hasCode() && c.hasSystem() && preferred.contains(c.getSystem())) {
                return c.getCode();
            }
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasCode()) {
                return c.getCode();
            }
        }
        return null;
    }

    /** A date (or the date of a dateTime, as written); a year or year-month alone is not a date of service. */
    static LocalDate day(BaseDateTimeType d, String path) throws Bad {
        if (d == null || d.isEmpty() || d.getValueAsString() == null) {
            return null;
        }
        if (d.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            throw new Bad(path, "'" + d.getValueAsString() + "' is not a full date YYYY-MM-DD");
        }
        return LocalDate.parse(d.getValueAsString().substring(0, 10));
    }
}
