package org.claimauditor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bytes of every rule, rule data, doc and payer policy file, read once at the start of a build. A rule set is
 * built from a snapshot only (never from the disk again), and its version is the hash of these bytes, so the label
 * always names exactly the files that were built even when someone edits the folders during the build.
 *
 * @param rulesDir    the rules folder, for messages (file paths in errors)
 * @param policiesDir the payer policy folder, for messages; may be null
 * @param files       "rules/&lt;path in rules folder&gt;" or "policies/&lt;file name&gt;" → read-only bytes, sorted by name
 * @param version     first 12 hex digits of SHA-256 over each name and its bytes, in name order
 */
public record RuleSnapshot(Path rulesDir, Path policiesDir, SortedMap<String, ByteBuffer> files, String version) {

    public static final String RULES = "rules/";
    public static final String POLICIES = "policies/";
    private static final List<String> RULE_SUFFIXES = List.of(".drl", ".md", ".yaml", ".yml");
    private static final List<String> POLICY_SUFFIXES = List.of(".yaml", ".yml");

    public RuleSnapshot {
        SortedMap<String, ByteBuffer> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.asReadOnlyBuffer()));
        files = Collections.unmodifiableSortedMap(copy);
    }

    /** Reads every file once: rules/ recursively (.drl, .md, .yaml, .yml), the policy folder's own .yaml/.yml. */
    public static RuleSnapshot read(Path rulesDir, Path policiesDir) {
        SortedMap<String, ByteBuffer> files = new TreeMap<>();
        for (Path f : list(rulesDir, true, RULE_SUFFIXES)) {
            put(files, RULES + rulesDir.relativize(f).toString().replace('\\', '/'), f);
        }
        if (policiesDir != null) {
            for (Path f : list(policiesDir, false, POLICY_SUFFIXES)) {
                put(files, POLICIES + f.getFileName(), f);
            }
        }
        return of(rulesDir, policiesDir, files);
    }

    /** A snapshot of given contents (name → bytes); the version is computed from them. */
    public static RuleSnapshot of(Path rulesDir, Path policiesDir, Map<String, ByteBuffer> files) {
        return new RuleSnapshot(rulesDir, policiesDir, new TreeMap<>(files), hash(files));
    }

    /** The version of a set of files: SHA-256 over name (UTF-8) then bytes, in name order; 12 hex digits. */
    static String hash(Map<String, ByteBuffer> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, ByteBuffer> e : new TreeMap<>(files).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update(e.getValue().duplicate());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Names (e.g. "rules/ncci/NCCI-PTP-PAIR.drl") under {@code prefix} ending with one of {@code suffixes}. */
    public List<String> names(String prefix, String... suffixes) {
        return files.keySet().stream().filter(n -> n.startsWith(prefix))
                .filter(n -> Stream.of(suffixes).anyMatch(n::endsWith)).toList();
    }

    public boolean has(String name) {
        return files.containsKey(name);
    }

    /** A copy of the file's bytes, or null when the snapshot does not hold it. */
    public byte[] bytes(String name) {
        ByteBuffer b = files.get(name);
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /**
     * The file as UTF-8 text (a leading byte order mark dropped), or null when absent; bytes that are not UTF-8
     * are an error located at their line, so a bad file never builds with replacement characters.
     */
    public SourceText text(String name, List<BuildError> errors) {
        ByteBuffer b = files.get(name);
        if (b == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b.duplicate()).toString();
            return new SourceText(displayPath(name), text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            String lenient = StandardCharsets.UTF_8.decode(b.duplicate()).toString();
            int bad = lenient.indexOf('\uFFFD');
            SourceText at = new SourceText(displayPath(name), lenient);
            errors.add(new BuildError(at.file(), at.lineOf(Math.max(bad, 0)), at.columnOf(Math.max(bad, 0)),
                    "not valid UTF-8 text (save the file as UTF-8)"));
            return null;
        }
    }

    /** The path shown in messages: the file under the folder the user named, as before snapshots existed. */
    public String displayPath(String name) {
        if (name.startsWith(POLICIES) && policiesDir != null) {
            return policiesDir.resolve(name.substring(POLICIES.length())).toString();
        }
        return rulesDir.resolve(name.startsWith(RULES) ? name.substring(RULES.length()) : name).toString();
    }

    private static void put(Map<String, ByteBuffer> files, String name, Path f) {
        try {
            files.put(name, ByteBuffer.wrap(Files.readAllBytes(f)));
        } catch (NoSuchFileException e) {
            // deleted between listing and reading: the snapshot is the folder without it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static List<Path> list(Path dir, boolean recursive, List<String> suffixes) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> suffixes.stream().anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        } catch (UncheckedIOException e) { // a sub-folder removed during the walk
            throw new UncheckedIOException("cannot list " + dir, e.getCause());
        }
    }
}
