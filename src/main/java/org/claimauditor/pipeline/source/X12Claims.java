package org.claimauditor.pipeline.source;

import org.claimauditor.claim.ClaimInput;
import org.claimauditor.engine.Limits;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The claims of one X12 837 file (or request body), one {@link ClaimInput} per CLM segment, read lazily. Segments
 * stream from {@link X12SegmentReader}; only the current envelope (ISA, GS, the ST header), the current billing
 * provider, subscriber and patient HL levels and the current claim are held, so memory does not grow with the
 * file. Each claim goes to {@link X12ClaimMapper} with that context, so a claim the parser cannot place or read
 * is an ERROR result of its own and its neighbours are read normally. Results are named by the claim's place:
 * {@code file.837: claim 3 (segment 41)}.
 */
public final class X12Claims implements ClaimCursor {

    /** Every claim of an X12 837 input (a request body), in order. */
    public static List<ClaimInput> readAll(InputStream in, String name, Limits limits) {
        List<ClaimInput> out = new ArrayList<>();
        try (X12Claims it = new X12Claims(in, name, 0, limits)) {
            it.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads an X12 document held in memory (tests, fixtures). */
    public static List<ClaimInput> readAll(String text, String name, Limits limits) {
        return readAll(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name, limits);
    }


    /** Segments that belong to a claim or its lines: met before any CLM they mean the CLM is missing. */
    private static final Set<String> CLAIM_ONLY = Set.of("CLM", "HI", "LX", "SV1", "SV2");

    private final String name;
    private final Limits limits;
    private final InputStream raw;
    private final X12ClaimMapper mapper;
    private final Deque<ClaimInput> ready = new ArrayDeque<>();
    private X12SegmentReader reader;
    private char element;
    private int index;
    private int claimCount;
    private int emitted;
    private boolean ended;

    private X12Segment isa;
    private X12Segment gs;
    private Part header;
    private Part billing;
    private Part subscriber;
    private Part patient;
    private Part claim;
    private int strayFrom = -1;

    /** Segments of one level of the file (ST header, an HL level, a claim), up to the claim byte limit. */
    private static final class Part {
        final List<X12Segment> segments = new ArrayList<>();
        final int first;
        final int ordinal;
        final boolean orphan;
        long chars;
        int last;
        boolean overflow;
        String problem;

        Part(X12Segment s, int ordinal, boolean orphan, long max) {
            this.first = s.number();
            this.ordinal = ordinal;
            this.orphan = orphan;
            add(s, max);
        }

        void add(X12Segment s, long max) {
            chars += s.text().length() + 1;
            last = s.number();
            if (chars > max) {
                overflow = true;
                segments.clear(); // its size is reported; holding it would defeat the limit
            } else if (!overflow) {
                segments.add(s);
            }
        }
    }

    X12Claims(InputStream raw, String name, int firstIndex, Limits limits) {
        this.raw = raw;
        this.name = name;
        this.index = firstIndex;
        this.limits = limits;
        this.mapper = new X12ClaimMapper(limits);
        try {
            reader = new X12SegmentReader(raw);
            element = reader.element();
        } catch (X12SegmentReader.NotX12Exception e) {
            fileError(name + ": " + e.getMessage());
            ended = true;
        } catch (IOException e) {
            fileError(name + ": cannot read file: " + e.getMessage());
            ended = true;
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !ended) {
            step();
        }
        return !ready.isEmpty();
    }

    @Override
    public ClaimInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.removeFirst();
    }

    private void step() {
        X12Segment s;
        try {
            s = reader.next();
        } catch (X12SegmentReader.UnsplittableException e) {
            stop(e.getMessage());
            return;
        } catch (IOException e) {
            stop("cannot read file: " + e.getMessage());
            return;
        }
        if (s == null) {
            end();
            return;
        }
        if (!s.hasValidId(element)) {
            String problem = "segment " + s.number() + ": '" + X12SegmentReader.printable(shorten(s.text()))
                    + "' does not begin with a segment id";
            if (claim != null) {
                claim.problem = claim.problem == null ? problem : claim.problem;
                claim.add(s, limits.maxClaimBytes());
            } else {
                fileError(name + ": " + problem);
            }
            return;
        }
        String id = s.id(element);
        int gsElements = id.equals("GS") ? s.text().split(Pattern.quote(String.valueOf(element)), -1).length - 1 : 0;
        if (gsElements > 8) {
            // a run-on GS: the segments after ISA end with another character than the one ISA declares
            stop("segment " + s.number() + " (GS) has " + gsElements + " elements where a GS has 8: the file does "
                    + "not end its segments with " + reader.terminatorName() + ", the terminator its ISA segment "
                    + "declares (its 106th character)");
            return;
        }
        if (!s.terminated()) {
            truncated(s);
            return;
        }
        switch (id) {
            case "ISA" -> {
                flush();
                isa = s;
                gs = null;
                closeTransaction();
            }
            case "GS" -> {
                flush();
                gs = s;
                closeTransaction();
            }
            case "ST" -> {
                flush();
                strayFrom = -1;
                header = new Part(s, 0, false, limits.maxClaimBytes());
                billing = subscriber = patient = null;
            }
            case "SE", "GE", "IEA" -> {
                flush();
                closeTransaction();
            }
            case "HL" -> {
                flush();
                if (header == null) {
                    stray(s);
                    return;
                }
                Part level = new Part(s, 0, false, limits.maxClaimBytes());
                switch (s.element(element, 3)) {
                    case "20" -> {
                        billing = level;
                        subscriber = patient = null;
                    }
                    case "22" -> {
                        subscriber = level;
                        patient = null;
                    }
                    case "23" -> patient = level;
                    default -> {
                        level.problem = "segment " + s.number() + " (HL-03): hierarchical level '"
                                + s.element(element, 3) + "' is not 20 (billing provider), 22 (subscriber) or "
                                + "23 (patient)";
                        patient = level;
                    }
                }
            }
            case "CLM" -> {
                flush();
                if (header == null) {
                    stray(s);
                    return;
                }
                claim = new Part(s, ++claimCount, false, limits.maxClaimBytes());
            }
            default -> {
                if (claim != null) {
                    claim.add(s, limits.maxClaimBytes());
                } else if (header == null) {
                    stray(s);
                } else if (billing != null && CLAIM_ONLY.contains(id)) {
                    claim = new Part(s, 0, true, limits.maxClaimBytes());
                } else {
                    deepest().add(s, limits.maxClaimBytes());
                }
            }
        }
    }

    private Part deepest() {
        return patient != null ? patient : subscriber != null ? subscriber : billing != null ? billing : header;
    }

    private void closeTransaction() {
        header = billing = subscriber = patient = null;
    }

    /** A segment outside ST...SE: one error for each run of them. */
    private void stray(X12Segment s) {
        if (strayFrom < 0) {
            strayFrom = s.number();
            fileError(name + ": segment " + s.number() + " (" + s.id(element) + "): outside an ST...SE transaction "
                    + "set (no ST segment before it since the last SE)");
        }
    }

    private void truncated(X12Segment s) {
        String what = "the file ends inside segment " + s.number() + " ('" + X12SegmentReader.printable(shorten(s.text()))
                + "', no segment terminator " + reader.terminatorName() + " after it): the file is truncated";
        if (claim != null) {
            claim.problem = what;
            flush();
        } else {
            fileError(name + ": " + what);
        }
        ended = true;
        closeQuietly();
    }

    private void end() {
        if (claim != null) {
            claim.problem = claim.problem != null ? claim.problem
                    : "the file ends after segment " + claim.last + " inside this claim, before the SE, GE and IEA "
                    + "that close its transaction: the file is truncated";
            flush();
        } else if (header != null) {
            fileError(name + ": the file ends inside the transaction set that begins at segment " + header.first
                    + ", before its SE: the file is truncated");
        }
        if (emitted == 0) {
            fileError(name + ": no claim (CLM segment) in this X12 file");
        }
        ended = true;
        closeQuietly();
    }

    private void stop(String problem) {
        if (claim != null) {
            claim.problem = problem;
            flush();
        } else {
            fileError(name + ": " + problem);
        }
        ended = true;
        closeQuietly();
    }

    /** Maps the claim read so far, if any, into its result. */
    private void flush() {
        Part c = claim;
        if (c == null) {
            return;
        }
        claim = null;
        emitted++;
        if (c.orphan) {
            X12Segment first = c.segments.isEmpty() ? null : c.segments.get(0);
            String id = first == null ? "" : first.id(element);
            String origin = name + ": segment " + c.first;
            ready.add(ClaimInput.failed(index++, origin, null, origin + " (" + id + "): "
                    + (id.equals("HI") ? "diagnoses" : "a service line") + " with no claim: no CLM segment before it "
                    + "under this subscriber or patient (is the CLM segment missing?)"));
            return;
        }
        String origin = name + ": claim " + c.ordinal + " (segment " + c.first + ")";
        String claimId = c.segments.isEmpty() ? null : blankToNull(c.segments.get(0).element(element, 1));
        String problem = c.problem;
        if (problem == null && c.overflow) {
            problem = "claim of " + c.chars + " bytes (segments " + c.first + " to " + c.last + ") is larger than the "
                    + "limit of " + limits.maxClaimBytes() + " bytes (auditor.limits.max-claim-bytes)";
        }
        for (Part context : new Part[] {header, billing, subscriber, patient}) {
            if (problem == null && context != null && context.problem != null) {
                problem = context.problem;
            }
            if (problem == null && context != null && context.overflow) {
                problem = "the segments above this claim (" + context.first + " to " + context.last + ") take "
                        + context.chars + " bytes, more than the limit of " + limits.maxClaimBytes()
                        + " bytes (auditor.limits.max-claim-bytes)";
            }
        }
        if (problem == null && (isa == null || gs == null)) {
            problem = "no GS functional group header before this claim's transaction set";
        }
        if (problem == null && billing == null) {
            problem = "no billing provider level (HL with HL-03 20) before this claim";
        }
        if (problem == null && subscriber == null) {
            problem = "no subscriber level (HL with HL-03 22) before this claim";
        }
        X12ClaimMapper.Guide guide = null;
        if (problem == null) {
            String version = header.segments.get(0).element(element, 3);
            String source = "ST-03";
            if (version.isEmpty()) {
                version = gs.element(element, 8);
                source = "GS-08";
            }
            guide = X12ClaimMapper.Guide.of(version);
            if (guide == null) {
                problem = "implementation guide '" + version + "' (" + source + ") is not read by the auditor: "
                        + "expected 005010X222A1 (837P) or 005010X223A2/A3 (837I)";
            }
        }
        if (problem != null) {
            ready.add(ClaimInput.failed(index++, origin, claimId, origin + ": " + problem));
            return;
        }
        List<X12Segment> all = new ArrayList<>();
        all.add(isa);
        all.add(gs);
        for (Part p : new Part[] {header, billing, subscriber, patient, c}) {
            if (p != null) {
                all.addAll(p.segments);
            }
        }
        ready.add(mapper.map(index++, origin, claimId, guide, all, 1, element, reader.writeTerminator()));
    }

    private void fileError(String message) {
        emitted++;
        ready.add(ClaimInput.failed(index++, name, null, message));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // the claims are read; a failing close loses nothing
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        } else {
            raw.close();
        }
    }
}
