package org.claimauditor.ncci;

import org.claimauditor.engine.CompiledRuleCache;
import org.claimauditor.engine.Limits;
import org.claimauditor.io.CacheFiles;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of an add-on code workbook as last read, kept beside the compiled rules ({@code …/claim-auditor/aoc}) and
 * keyed by the workbook's SHA-256 and the auditor build that read it: the same bytes give the same rows, so a start
 * skips the XML of CMS's 9,000-row workbook (about a second in a fresh JVM). A workbook that fails to read is never
 * kept; an unreadable entry is read again from the workbook. Part of the same trust boundary as the rule cache.
 */
final class AocRowCache {

    private static final String FORMAT = "aoc-rows-1";
    /** Larger workbooks are read as they stream, without the cache (CMS's is about 1 MB). */
    private static final int MAX_CACHED_WORKBOOK = 64 << 20;
    private static final Path DIR = CompiledRuleCache.defaultFolder().resolveSibling("aoc");

    private AocRowCache() { }

    static int read(InputStream in, String fileName, Consumer<AocRow> rows, List<ReadProblem> problems, Limits limits)
            throws IOException {
        return read(in, fileName, rows, problems, limits, DIR);
    }

    static int read(InputStream in, String fileName, Consumer<AocRow> rows, List<ReadProblem> problems, Limits limits,
                    Path dir) throws IOException {
        byte[] head = in.readNBytes(MAX_CACHED_WORKBOOK + 1);
        if (head.length > MAX_CACHED_WORKBOOK || CompiledRuleCache.build() == null) {
            return AocFileReader.read(new SequenceInputStream(new ByteArrayInputStream(head), in), fileName, rows,
                    problems, limits);
        }
        Path entry = dir.resolve(key(head) + ".rows");
        Integer cached = load(entry, fileName, rows, problems);
        if (cached != null) {
            return cached;
        }
        List<AocRow> read = new ArrayList<>();
        List<ReadProblem> bad = new ArrayList<>();
        int good = AocFileReader.read(new ByteArrayInputStream(head), fileName, read::add, bad, limits);
        store(entry, read, bad);
        read.forEach(rows);
        problems.addAll(bad);
        return good;
    }

    private static String key(byte[] workbook) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + "\n" + CompiledRuleCache.build() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(workbook);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The rows of a cached entry, named for this file; null when absent or unreadable. */
    private static Integer load(Path entry, String fileName, Consumer<AocRow> rows, List<ReadProblem> problems) {
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        List<AocRow> read = new ArrayList<>();
        List<ReadProblem> bad = new ArrayList<>();
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            if (!d.readUTF().equals(FORMAT)) {
                return null;
            }
            int n = d.readInt();
            for (int i = 0; i < n; i++) {
                read.add(new AocRow(d.readByte(), d.readUTF(), date(d), d.readUTF(), date(d), date(d), date(d),
                        d.readUTF(), fileName, d.readInt()));
            }
            int p = d.readInt();
            for (int i = 0; i < p; i++) {
                bad.add(new ReadProblem(fileName, d.readInt(), d.readUTF()));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        read.forEach(rows);
        problems.addAll(bad);
        return read.size();
    }

    private static void store(Path entry, List<AocRow> rows, List<ReadProblem> problems) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(FORMAT);
            d.writeInt(rows.size());
            for (AocRow r : rows) {
                d.writeByte(r.editType());
                d.writeUTF(r.addOnCode());
                date(d, r.addOnDeletion());
                d.writeUTF(r.primaryCode());
                date(d, r.primaryDeletion());
                date(d, r.effective());
                date(d, r.deletion());
                d.writeUTF(r.notes() == null ? "" : r.notes());
                d.writeInt(r.row());
            }
            d.writeInt(problems.size());
            for (ReadProblem p : problems) {
                d.writeInt(p.line());
                d.writeUTF(p.message());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: cannot happen
        }
        try {
            CacheFiles.write(entry, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next start the workbook's XML
        }
    }

    private static LocalDate date(DataInputStream d) throws IOException {
        long day = d.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    private static void date(DataOutputStream d, LocalDate date) throws IOException {
        d.writeLong(date == null ? Long.MIN_VALUE : date.toEpochDay());
    }
}
