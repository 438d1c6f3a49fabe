package org.claimauditor.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One payer policy file: the payer ids it covers, when it is in force, which NCCI tables apply, and its entries. */
public final class PayerPolicy {

    private final String file;
    private final String fileName;
    private final List<String> payers;
    private final String name;
    private final LocalDate from;
    private final LocalDate to;
    private final Set<String> ncci;
    private List<PolicyEntry> entries = List.of();
    /** Entries grouped by kind once: the engine asks per line and per finding. */
    private java.util.Map<String, List<PolicyEntry>> byKind = java.util.Map.of();

    PayerPolicy(String file, String fileName, List<String> payers, String name, LocalDate from, LocalDate to, Set<String> ncci) {
        this.file = file;
        this.fileName = fileName;
        this.payers = List.copyOf(payers);
        this.name = name;
        this.from = from;
        this.to = to;
        this.ncci = Set.copyOf(ncci);
    }

    void entries(List<PolicyEntry> entries) {
        this.entries = List.copyOf(entries);
        java.util.Map<String, List<PolicyEntry>> kinds = new java.util.HashMap<>();
        for (PolicyEntry e : this.entries) {
            kinds.computeIfAbsent(e.kind(), k -> new java.util.ArrayList<>()).add(e);
        }
        kinds.replaceAll((k, v) -> List.copyOf(v));
        this.byKind = java.util.Map.copyOf(kinds);
    }

    public String file() { return file; }
    public String fileName() { return fileName; }
    public List<String> payers() { return payers; }
    public String name() { return name; }
    public LocalDate from() { return from; }
    public LocalDate to() { return to; }
    public List<PolicyEntry> entries() { return entries; }

    /** Whether the NCCI tables of a setting ("practitioner", "hospital", "dme") apply to this payer's claims. */
    public boolean appliesNcci(String setting) {
        return ncci.contains(setting);
    }

    public Set<String> ncci() { return ncci; }

    public boolean inForce(LocalDate dos) {
        return (from == null || !dos.isBefore(from)) && (to == null || !dos.isAfter(to));
    }

    public List<PolicyEntry> entries(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    @Override
    public String toString() {
        return fileName + " (" + name + ")";
    }
}
