package org.claimauditor.bench;

import org.claimauditor.claim.Claim;
import org.claimauditor.claim.ClaimInput;
import org.claimauditor.claim.ClaimReader;
import org.claimauditor.engine.Limits;
import org.claimauditor.ncci.NcciTables;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The plain-Java reference on the same files as the audit: the claims read with the audit's own reader
 * ({@link ClaimReader}, streaming, default limits) and checked with {@link ReferenceChecker}.
 *
 * <p>Date-of-service edits span all claims of a patient in the whole input, and a parsed claim takes a few KB of heap
 * (gigabytes for a million), so the claims are not held: each is written, as it is read, to one of {@value #PARTITIONS} spill
 * files chosen by patient id (only the fields the checks use, in binary), and the partitions are then checked
 * one at a time. The reference's time is parse + check; writing and reading the spill files is timed apart and
 * not counted, so the figure is what an in-memory reference would take.
 *
 * @param claimIds    the input's claim ids in input order (null for an unreadable claim without one)
 * @param findings    the reference's NCCI findings (claim index = position in the input)
 * @param parseNanos  reading and parsing the files
 * @param checkNanos  the checks
 * @param spillNanos  writing and reading the spill files (not counted)
 */
public record ReferenceRun(List<String> claimIds, List<RefFinding> findings, long parseNanos, long checkNanos,
                           long spillNanos) {

    static final int PARTITIONS = 64;

    public double claimsPerSecond() {
        return claimIds.size() / ((parseNanos + checkNanos) / 1e9);
    }

    public static ReferenceRun run(NcciTables tables, List<Path> files, Path spillDir) throws IOException {
        ClaimFiles.deleteTree(spillDir);
        Files.createDirectories(spillDir);
        List<String> ids = new ArrayList<>();
        long parse = 0;
        long spill = 0;
        DataOutputStream[] parts = new DataOutputStream[PARTITIONS];
        try {
            for (int p = 0; p < PARTITIONS; p++) {
                parts[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(part(spillDir, p)), 1 << 16));
            }
            try (Stream<ClaimInput> in = new org.claimauditor.pipeline.source.ClaimFiles(files, Limits.DEFAULTS).claims()) {
                Iterator<ClaimInput> it = in.iterator();
                long t0 = System.nanoTime();
                while (it.hasNext()) {
                    ClaimInput c = it.next();
                    long t1 = System.nanoTime();
                    parse += t1 - t0;
                    int index = ids.size();
                    ids.add(c.claimId());
                    if (c.claim() != null) { // an unreadable input gets no NCCI finding
                        String patient = c.claim().patient() == null ? null : c.claim().patient().id();
                        int p = Math.floorMod(patient == null ? index : patient.hashCode(), PARTITIONS);
                        parts[p].writeInt(index);
                        SpillCodec.write(parts[p], c.claim());
                    }
                    t0 = System.nanoTime();
                    spill += t0 - t1;
                }
            }
        } finally {
            for (DataOutputStream d : parts) {
                if (d != null) {
                    d.close();
                }
            }
        }
        long check = 0;
        List<RefFinding> findings = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            long t0 = System.nanoTime();
            List<Claim> claims = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(part(spillDir, p)), 1 << 16))) {
                while (true) {
                    int i;
                    try {
                        i = in.readInt();
                    } catch (EOFException end) {
                        break;
                    }
                    index.add(i);
                    claims.add(SpillCodec.read(in));
                }
            }
            long t1 = System.nanoTime();
            List<RefFinding> local = ReferenceChecker.check(tables, claims);
            long t2 = System.nanoTime();
            for (RefFinding f : local) {
                findings.add(new RefFinding(index.get(f.claimIndex()), f.ruleId(), f.lineNumbers()));
            }
            spill += t1 - t0;
            check += t2 - t1;
        }
        ClaimFiles.deleteTree(spillDir);
        return new ReferenceRun(ids, findings, parse, check, spill);
    }

    private static Path part(Path dir, int p) {
        return dir.resolve(String.format("part-%02d.bin", p));
    }

    /**
     * The fields of a claim {@link ReferenceChecker} reads (type, patient id, providers, received date, and per line number, dates,
     * code, modifiers, units, rendering NPI); the rest comes back null or empty.
     */
    static final class SpillCodec {

        private static final long NO_DATE = Long.MIN_VALUE;

        private SpillCodec() { }

        static void write(DataOutputStream out, Claim c) throws IOException {
            out.writeByte(c.claimType() == null ? -1 : c.claimType().ordinal());
            string(out, c.patient() == null ? null : c.patient().id());
            provider(out, c.billingProvider());
            provider(out, c.renderingProvider());
            date(out, c.receivedDate()); // MUE denials go to claims in adjudication order
            out.writeInt(c.lines().size());
            for (Claim.ServiceLine l : c.lines()) {
                integer(out, l.lineNumber());
                date(out, l.serviceDate());
                date(out, l.serviceDateTo());
                string(out, l.procedureCode());
                out.writeInt(l.modifiers().size());
                for (String m : l.modifiers()) {
                    string(out, m);
                }
                integer(out, l.units());
                string(out, l.renderingProviderNpi());
            }
        }

        static Claim read(DataInputStream in) throws IOException {
            int type = in.readByte();
            String patient = string(in);
            Claim.Provider billing = provider(in);
            Claim.Provider rendering = provider(in);
            LocalDate received = date(in);
            int n = in.readInt();
            List<Claim.ServiceLine> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Integer number = integer(in);
                LocalDate from = date(in);
                LocalDate to = date(in);
                String code = string(in);
                int m = in.readInt();
                List<String> modifiers = new ArrayList<>(m);
                for (int k = 0; k < m; k++) {
                    modifiers.add(string(in));
                }
                lines.add(new Claim.ServiceLine(number, from, to, code, modifiers, integer(in), null, null, string(in), null));
            }
            return new Claim(null, type < 0 ? null : Claim.ClaimType.values()[type], null,
                    patient == null ? null : new Claim.Patient(patient, null, null), billing, rendering, null, received, null, lines);
        }

        private static void provider(DataOutputStream out, Claim.Provider p) throws IOException {
            out.writeBoolean(p != null);
            if (p != null) {
                string(out, p.npi());
                string(out, p.tin());
            }
        }

        private static Claim.Provider provider(DataInputStream in) throws IOException {
            return in.readBoolean() ? new Claim.Provider(string(in), string(in)) : null;
        }

        private static void string(DataOutputStream out, String s) throws IOException {
            out.writeBoolean(s != null);
            if (s != null) {
                out.writeUTF(s);
            }
        }

        private static String string(DataInputStream in) throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }

        private static void integer(DataOutputStream out, Integer i) throws IOException {
            out.writeBoolean(i != null);
            if (i != null) {
                out.writeInt(i);
            }
        }

        private static Integer integer(DataInputStream in) throws IOException {
            return in.readBoolean() ? in.readInt() : null;
        }

        private static void date(DataOutputStream out, LocalDate d) throws IOException {
            out.writeLong(d == null ? NO_DATE : d.toEpochDay());
        }

        private static LocalDate date(DataInputStream in) throws IOException {
            long day = in.readLong();
            return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
        }
    }
}
