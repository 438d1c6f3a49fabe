package org.claimauditor.pipeline.source.fhir;

import org.claimauditor.claim.Claim.Sex;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

import java.time.LocalDate;
import java.util.List;

/**
 * What a claim needs of a resource it references: a Patient's identifier, birth date and sex; a Practitioner's or
 * Organization's NPI, tax id and first identifier. {@code error} is set when the resource itself could not be read,
 * so the claims that reference it say why.
 */
record Party(String identifier, String npi, String tin, LocalDate birthDate, Sex sex, String error) {

    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    /** US Employer Identification Number (the TIN on a claim). */
    static final String EIN = "urn:oid:2.16.840.1.113883.4.4";

    static Party broken(String error) {
        return new Party(null, null, null, null, null, error);
    }

    /** The party of a parsed resource; null for a resource type claims do not take data from. */
    static Party of(Resource r, String path) {
        String id = r.getIdElement().getIdPart();
        if (r instanceof Patient p) {
            LocalDate birth;
            try {
                birth = p.hasBirthDateElement() ? FhirClaimMapper.day(p.getBirthDateElement(), path + ".birthDate") : null;
            } catch (FhirClaimMapper.Bad e) {
                return broken(e.getMessage());
            }
            Sex sex = !p.hasGender() ? null : switch (p.getGender()) {
                case FEMALE -> Sex.F;
                case MALE -> Sex.M;
                default -> Sex.U;
            };
            return new Party(first(p.getIdentifier(), id), null, null, birth, sex, null);
        }
        if (r instanceof Practitioner p) {
            return new Party(first(p.getIdentifier(), id), system(p.getIdentifier(), NPI), null, null, null, null);
        }
        if (r instanceof Organization o) {
            return new Party(first(o.getIdentifier(), id), system(o.getIdentifier(), NPI), system(o.getIdentifier(), EIN),
                    null, null, null);
        }
        return null;
    }

    /** The resource types a claim takes data from through its references. */
    static boolean referenced(String resourceType) {
        return "Patient".equals(resourceType) || "Practitioner".equals(resourceType) || "Organization".equals(resourceType);
    }

    /** The value of the first identifier of {@code system}, or null. */
    static String system(List<Identifier> ids, String system) {
        for (Identifier i : ids) {
            if (system.equals(i.getSystem()) && i.hasValue()) {
                return i.getValue();
            }
        }
        return null;
    }

    private static String first(List<Identifier> ids, String fallback) {
        for (Identifier i : ids) {
            if (i.hasValue()) {
                return i.getValue();
            }
        }
        return fallback;
    }
}
