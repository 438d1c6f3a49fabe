package org.claimauditor.engine;

import org.claimauditor.io.CacheFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Compiled rule modules (the executable model's kjar: generated classes, no sources) on disk, keyed by a hash of the
 * DRL files and of the code that compiled them (this build of the auditor, Drools, Java), so an unchanged rule set
 * is loaded instead of compiled. The folder is part of the trust boundary like the rules folder: only modules that
 * compiled cleanly and passed {@link RuleSandbox}'s bytecode check are written, and nobody else should be able to
 * write there (the default is under the user's own home).
 */
public final class CompiledRuleCache {

    /** No cache: every build compiles (tests, and {@code --rule-cache none}). */
    public static final CompiledRuleCache NONE = new CompiledRuleCache(null);

    /** Modules kept (one per rule file and version of it): room for several versions of a few hundred files. */
    private static final int KEEP = 2000;
    private final Path dir;

    private CompiledRuleCache(Path dir) {
        this.dir = dir;
    }

    public static CompiledRuleCache at(Path dir) {
        return dir == null ? NONE : new CompiledRuleCache(dir);
    }

    /**
     * The cache a setting names ({@code --rule-cache}, {@code auditor.rule-cache}): {@code none} for no cache, a
     * folder, or null / blank for {@link #defaultFolder()}.
     */
    public static CompiledRuleCache of(String setting) {
        if ("none".equals(setting)) {
            return NONE;
        }
        return at(setting == null || setting.isBlank() ? defaultFolder() : Path.of(setting));
    }

    /** {@code $XDG_CACHE_HOME/claim-auditor/rules}, else {@code ~/.cache/claim-auditor/rules}. */
    public static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("claim-auditor").resolve("rules");
    }

    public Path folder() {
        return dir;
    }

    boolean enabled() {
        return dir != null && BUILD != null;
    }

    /** The key of a set of DRL files (name → text) compiled by this build of the auditor. */
    static String key(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(BUILD).getBytes(StandardCharsets.UTF_8));
            sha.update(org.drools.base.util.Drools.getFullVersion().getBytes(StandardCharsets.UTF_8));
            sha.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The cached module of {@code key}, or null (absent, unreadable: then it is simply compiled again). */
    byte[] get(String key) {
        if (!enabled()) {
            return null;
        }
        Path f = dir.resolve(key + ".kjar");
        try {
            byte[] bytes = Files.readAllBytes(f);
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            return bytes;
        } catch (IOException e) {
            return null;
        }
    }

    /** Stores a module (written aside, then moved in place, so a reader never sees half a file). */
    void put(String key, byte[] kjar) {
        if (!enabled()) {
            return;
        }
        try {
            CacheFiles.write(dir.resolve(key + ".kjar"), kjar);
        } catch (IOException e) {
            // a cache that cannot be written only costs the next start a compile
        }
    }

    /** Keeps the newest {@value #KEEP} modules; once per build, after its modules are stored. */
    void prune() {
        if (!enabled() || !Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            var old = files.filter(p -> p.getFileName().toString().endsWith(".kjar"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed())
                    .skip(KEEP).toList();
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a cache that cannot be pruned only keeps more modules than asked
        }
    }

    /**
     * This build of the auditor's classes (the rules call them): size and time of the jar, or of every class file when
     * running from a folder, so any recompile of a fact class invalidates the cache. Null (no cache) if unknown.
     */
    private static final String BUILD = buildIdentity();

    /** This build of the auditor (null when unknown): other caches of derived data key on it too. */
    public static String build() {
        return BUILD;
    }

    private static String buildIdentity() {
        try {
            var source = CompiledRuleCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            String location = source.getLocation().toString();
            if (location.startsWith("file:")) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    return p + "/" + Files.size(p) + "/" + Files.getLastModifiedTime(p).toMillis();
                }
                StringBuilder sb = new StringBuilder();
                try (var files = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        sb.append(p.relativize(f)).append('/').append(Files.size(f)).append('/')
                                .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                    }
                }
                return sb.toString();
            }
            int nested = location.indexOf("nested:");
            int end = location.indexOf("/!", Math.max(nested, 0));
            if (nested >= 0 && end > nested) { // jar:nested:/…/claim-auditor.jar/!BOOT-INF/classes/!/ (the packaged jar)
                Path jar = Path.of(location.substring(nested + "nested:".length(), end));
                return jar + "/" + Files.size(jar) + "/" + Files.getLastModifiedTime(jar).toMillis();
            }
            return null;
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
