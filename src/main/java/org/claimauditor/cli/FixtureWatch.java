package org.claimauditor.cli;

import org.claimauditor.engine.Reference;
import org.claimauditor.engine.RuleInfo;
import org.claimauditor.engine.RuleSet;
import org.claimauditor.fixture.FixtureSuite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code test-rules --watch}: looks at the rule, policy and fixture folders every interval (modification time and
 * size, which also sees editors that save by replacing the file); on a change it rebuilds the rules if a rule or
 * policy file changed and reruns the fixtures of the rules the change affects.
 */
final class FixtureWatch {

    private final RuleOptions rules;
    private final Path fixtures;
    private final Collection<String> patterns;
    private final Reference ref;
    private final boolean failedOnly;
    private final Duration interval;

    FixtureWatch(RuleOptions rules, Path fixtures, Collection<String> patterns, Reference ref, boolean failedOnly, Duration interval) {
        this.rules = rules;
        this.fixtures = fixtures;
        this.patterns = patterns;
        this.ref = ref;
        this.failedOnly = failedOnly;
        this.interval = interval;
    }

    /** Runs until the thread is interrupted (Ctrl-C ends the JVM); {@code current} may be null after a broken build. */
    void run(RuleSet current, PrintStream out, PrintStream err) throws InterruptedException {
        Map<Path, String> seen = state();
        out.println("watching " + rules.rulesDir + ", " + rules.policiesDir + " and " + fixtures + " (Ctrl-C to stop)");
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(interval.toMillis());
            Map<Path, String> now = state();
            Set<Path> changed = changed(seen, now);
            seen = now;
            if (changed.isEmpty()) {
                continue;
            }
            RuleSet before = current;
            if (current == null || changed.stream().anyMatch(p -> under(p, rules.rulesDir) || under(p, rules.policiesDir))) {
                RuleSet next = rules.loadOrReport(err);
                if (next == null) {
                    continue; // the errors are printed; the next save tries again
                }
                current = next;
            }
            Set<String> ids = affected(changed, before, current);
            out.println("-- changed: " + String.join(", ", changed.stream().map(Path::toString).sorted().toList())
                    + "; running " + ids.size() + " rule(s)");
            TestRulesCommand.report(FixtureSuite.run(current, ref, fixtures, ids), failedOnly, out);
        }
    }

    /**
     * The selected rules a change touches: a fixture file → its rule; a DRL file → the rules it defined before and
     * after; a doc page → its rule; anything else (rule data, payer policies) → every selected rule.
     */
    Set<String> affected(Set<Path> changed, RuleSet before, RuleSet after) {
        Set<String> all = FixtureSuite.ruleIds(after, fixtures, patterns);
        Set<String> ids = new TreeSet<>();
        for (Path p : changed) {
            String name = p.getFileName().toString();
            if (under(p, fixtures) && p.getParent().toAbsolutePath().normalize().equals(fixtures.toAbsolutePath().normalize())
                    && name.endsWith(".yaml")) {
                ids.add(name.substring(0, name.length() - ".yaml".length()));
            } else if (name.endsWith(".drl")) {
                ids.addAll(definedIn(p, before));
                ids.addAll(definedIn(p, after));
            } else if (under(p, rules.rulesDir) && name.endsWith(".md")) {
                ids.add(name.substring(0, name.length() - ".md".length()));
            } else {
                ids.addAll(all);
            }
        }
        ids.retainAll(all);
        return ids;
    }

    private static Set<String> definedIn(Path drl, RuleSet rs) {
        Set<String> ids = new HashSet<>();
        if (rs != null) {
            Path target = drl.toAbsolutePath().normalize();
            for (RuleInfo r : rs.catalog()) {
                if (Path.of(r.file()).toAbsolutePath().normalize().equals(target)) {
                    ids.add(r.id());
                }
            }
        }
        return ids;
    }

    private static boolean under(Path p, Path dir) {
        return dir != null && p.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }

    static Set<Path> changed(Map<Path, String> before, Map<Path, String> after) {
        Set<Path> out = new TreeSet<>();
        after.forEach((p, stamp) -> {
            if (!stamp.equals(before.get(p))) {
                out.add(p);
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(out::add);
        return out;
    }

    /** Modification time and size of every file in the watched folders (the fixture folder's own files only). */
    private Map<Path, String> state() {
        Map<Path, String> out = new HashMap<>();
        scan(rules.rulesDir, true, out);
        scan(rules.policiesDir, false, out);
        scan(fixtures, false, out);
        return out;
    }

    private static void scan(Path dir, boolean recursive, Map<Path, String> out) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                try {
                    out.put(p, Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p));
                } catch (IOException e) {
                    // removed while looking: absent from this round
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a folder replaced while looking: the next round sees it
        }
    }
}
