package org.claimauditor.engine.fact;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.Codes;
import org.claimauditor.policy.PayerPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A claim as the rules see it. Getter-style accessors because DRL constraints resolve properties by
 * bean name; derived values are computed here, in Java, so the rules stay one-liners.
 */
public final class ClaimFact {

    private final int seq;
    private final Claim claim;
    private final List<String> diagnoses;
    private final PayerPolicy policy;
    private final boolean history;

    public ClaimFact(int seq, Claim claim) {
        this(seq, claim, null, false);
    }

    public ClaimFact(int seq, Claim claim, PayerPolicy policy, boolean history) {
        this(seq, claim, policy, history, FactChecks.NONE);
    }

    /**
     * @param policy  the payer policy governing this claim (null: none)
     * @param history a prior claim supplied only as context (frequency limits, date-of-service edits); it gets no result
     * @param checks  the run's code and NCCI look-ups behind the problem lists of the claim's line and diagnosis facts
     */
    public ClaimFact(int seq, Claim claim, PayerPolicy policy, boolean history, FactChecks checks) {
        this.seq = seq;
        this.checks = checks;
        this.claim = claim;
        this.diagnoses = claim.diagnoses().stream().map(Codes::normalizeDiagnosis).toList();
        this.policy = policy;
        this.history = history;
        this.firstServiceDate = claim.lines().stream().map(Claim.ServiceLine::serviceDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        LocalDate born = claim.patient() == null ? null : claim.patient().birthDate();
        this.ageAtService = firstServiceDate == null || born == null || born.isAfter(firstServiceDate)
                ? null : java.time.Period.between(born, firstServiceDate).getYears();
    }

    // derived once: rules read these many times per claim
    private final LocalDate firstServiceDate;
    private final Integer ageAtService;
    private final FactChecks checks;
    private List<String> missingFields;
    private List<NpiRef> invalidNpis;

    /** The run's look-ups, for the problem lists of this claim's facts. */
    public FactChecks getChecks() { return checks; }

    public PayerPolicy getPolicy() { return policy; }
    public boolean isHistory() { return history; }
    public String getBillingTin() { return claim.billingProvider() == null ? null : claim.billingProvider().tin(); }

    public int getSeq() { return seq; }
    public Claim getClaim() { return claim; }
    public String getClaimId() { return claim.claimId(); }
    public String getPayerId() { return claim.payerId(); }
    public String getClaimType() { return claim.claimType() == null ? null : claim.claimType().name(); }
    /**
     * The patient id rules join lines on. A claim without one is its own patient: a unique key per claim, so
     * claims sharing a session never match each other through a missing id.
     */
    public String getPatientId() {
        String id = claim.patient() == null ? null : claim.patient().id();
        return id != null ? id : "\u0000no-patient-id#" + seq;
    }
    public String getBillingNpi() { return claim.billingProvider() == null ? null : claim.billingProvider().npi(); }
    public String getRenderingNpi() {
        return claim.renderingProvider() != null && claim.renderingProvider().npi() != null
                ? claim.renderingProvider().npi() : getBillingNpi();
    }
    public LocalDate getReceivedDate() { return claim.receivedDate(); }
    public String getPatientSex() { return claim.patient() == null || claim.patient().sex() == null ? null : claim.patient().sex().name(); }

    /** The earliest date of service on the claim, or null when no line has one. */
    public LocalDate getFirstServiceDate() {
        return firstServiceDate;
    }

    /** Whole years of age at the first date of service (the MCE's age), or null when unknown. */
    public Integer getAgeAtService() {
        return ageAtService;
    }
    public String getPlaceOfService() { return claim.placeOfService(); }
    /** Diagnoses normalised (no dot, upper case), in claim order; pointer n refers to element n-1. */
    public List<String> getDiagnoses() { return diagnoses; }
    public int getDiagnosisCount() { return diagnoses.size(); }

    public BigDecimal getTotalCharge() {
        return claim.lines().stream().map(Claim.ServiceLine::charge).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** JSON paths of required fields the input left out, e.g. {@code $.lines[1].serviceDate}. */
    public List<String> getMissingFields() {
        if (missingFields == null) {
            missingFields = missingFields();
        }
        return missingFields;
    }

    private List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        need(missing, claim.claimId(), "$.claimId");
        need(missing, claim.claimType(), "$.claimType");
        need(missing, claim.payerId(), "$.payerId");
        need(missing, claim.patient(), "$.patient");
        if (claim.patient() != null) {
            need(missing, claim.patient().id(), "$.patient.id");
            need(missing, claim.patient().birthDate(), "$.patient.birthDate");
            need(missing, claim.patient().sex(), "$.patient.sex");
        }
        need(missing, claim.billingProvider() == null ? null : claim.billingProvider().npi(), "$.billingProvider.npi");
        need(missing, claim.placeOfService(), "$.placeOfService");
        if (claim.diagnoses().isEmpty()) {
            missing.add("$.diagnoses");
        }
        if (claim.lines().isEmpty()) {
            missing.add("$.lines");
        }
        for (int i = 0; i < claim.lines().size(); i++) {
            Claim.ServiceLine l = claim.lines().get(i);
            needInLine(missing, l.lineNumber(), i, "lineNumber");
            needInLine(missing, l.serviceDate(), i, "serviceDate");
            needInLine(missing, l.procedureCode(), i, "procedureCode");
            needInLine(missing, l.units(), i, "units");
            needInLine(missing, l.charge(), i, "charge");
        }
        return missing;
    }

    private static void need(List<String> missing, Object value, String path) {
        if (absent(value)) {
            missing.add(path);
        }
    }

    /** As {@link #need}, building the path only for a gap (this runs for every line of every claim). */
    private static void needInLine(List<String> missing, Object value, int line, String field) {
        if (absent(value)) {
            missing.add("$.lines[" + line + "]." + field);
        }
    }

    private static boolean absent(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    /** Every NPI on the claim that fails its check digit, with the JSON path it sits at. */
    public List<NpiRef> getInvalidNpis() {
        if (invalidNpis == null) {
            invalidNpis = invalidNpis();
        }
        return invalidNpis;
    }

    private List<NpiRef> invalidNpis() {
        List<NpiRef> bad = new ArrayList<>();
        String billing = getBillingNpi();
        if (billing != null && !Codes.isValidNpi(billing)) {
            bad.add(new NpiRef("$.billingProvider.npi", billing, List.of()));
        }
        if (claim.renderingProvider() != null && claim.renderingProvider().npi() != null
                && !Codes.isValidNpi(claim.renderingProvider().npi())) {
            bad.add(new NpiRef("$.renderingProvider.npi", claim.renderingProvider().npi(), List.of()));
        }
        for (int i = 0; i < claim.lines().size(); i++) {
            Claim.ServiceLine l = claim.lines().get(i);
            if (l.renderingProviderNpi() != null && !Codes.isValidNpi(l.renderingProviderNpi())) {
                bad.add(new NpiRef("$.lines[" + i + "].renderingProviderNpi", l.renderingProviderNpi(),
                        l.lineNumber() == null ? List.of() : List.of(l.lineNumber())));
            }
        }
        return bad;
    }

    /** An NPI found at {@code path}; {@code lines} names the service line when it is a line-level NPI. */
    public record NpiRef(String path, String npi, List<Integer> lines) { }

    /** The patient's birth date as submitted (null when missing). */
    public LocalDate getBirthDate() { return claim.patient() == null ? null : claim.patient().birthDate(); }

    /** Every date of service (serviceDate, serviceDateTo) and the received date, each with its JSON path. */
    public List<DateRef> getDates() {
        List<DateRef> dates = new ArrayList<>();
        for (int i = 0; i < claim.lines().size(); i++) {
            Claim.ServiceLine l = claim.lines().get(i);
            if (l.serviceDate() != null) {
                dates.add(new DateRef(l, i, "serviceDate", "date of service", l.serviceDate()));
            }
            if (l.serviceDateTo() != null) {
                dates.add(new DateRef(l, i, "serviceDateTo", "service end date", l.serviceDateTo()));
            }
        }
        if (claim.receivedDate() != null) {
            dates.add(new DateRef(null, -1, "receivedDate", "Received date", claim.receivedDate()));
        }
        return dates;
    }

    /**
     * A date at {@code path()}, named for a message ({@code what()}); {@code lines()} names its line, if any. Path and
     * name are built only when asked (for a finding), since every date of every claim becomes one of these.
     */
    public static final class DateRef {
        private final Claim.ServiceLine line;
        private final int index;
        private final String field;
        private final String label;
        private final LocalDate date;

        DateRef(Claim.ServiceLine line, int index, String field, String label, LocalDate date) {
            this.line = line;
            this.index = index;
            this.field = field;
            this.label = label;
            this.date = date;
        }

        public LocalDate date() { return date; }
        public LocalDate getDate() { return date; }
        public String path() { return line == null ? "$." + field : "$.lines[" + index + "]." + field; }
        public String what() {
            if (line == null) {
                return label;
            }
            return (line.lineNumber() == null ? "Line at $.lines[" + index + "]" : "Line " + line.lineNumber()) + ": " + label;
        }
        public List<Integer> lines() { return line == null || line.lineNumber() == null ? List.of() : List.of(line.lineNumber()); }
    }

    @Override
    public String toString() {
        return "ClaimFact[" + seq + ":" + getClaimId() + "]";
    }
}
