package org.claimauditor.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * test-rules for people: a line per rule, failed cases with their fixture file:line and expected vs actual findings,
 * a rule without fixtures fails, --rule selects, --failed-only hides passes, --watch reruns what a save affects.
 * Two real rules (CLAIM-UNITS-MIN with its fixture, one case broken on purpose; CLAIM-UNITS-MAX without one).
 */
class TestRulesCommandTest {

    @TempDir
    Path tmp;

    private Path rules;
    private Path fixtures;
    private Path fixture;
    @RegisterExtension
    final CapturedStreams streams = new CapturedStreams();

    @BeforeEach
    void folders() throws IOException {
        rules = tmp.resolve("rules");
        fixtures = Files.createDirectories(tmp.resolve("fixtures"));
        for (String f : List.of("claimdata/CLAIM-UNITS-MIN.drl", "claimdata/CLAIM-UNITS-MAX.drl", "docs/CLAIM-UNITS-MIN.md",
                "docs/CLAIM-UNITS-MAX.md", "data/plausibility.yaml")) {
            Files.createDirectories(rules.resolve(f).getParent());
            Files.copy(Path.of("rules").resolve(f), rules.resolve(f));
        }
        // case 1 ("zero units on a line is flagged", line 4 of the file) now expects line 2 instead of line 1
        String good = Files.readString(Path.of("test-claims/CLAIM-UNITS-MIN.yaml"));
        String broken = good.replaceFirst("expect:\n      - lines: \\[1]", "expect:\n      - lines: [2]");
        assertThat(broken).isNotEqualTo(good);
        fixture = Files.writeString(fixtures.resolve("CLAIM-UNITS-MIN.yaml"), broken);
    }

    private String[] args(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("test-rules", "--rules", rules.toString(), "--payer-policies",
                tmp.resolve("no-policies").toString(), "--fixtures", fixtures.toString(), "--no-ncci"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private List<String> lines() {
        // the report's lines, without the reference-data lines and the engine's log (on stdout in tests)
        return streams.out().lines().filter(l -> l.matches("(PASS|FAIL| {2}|\\d+ rules?:).*")).toList();
    }

    @Test
    void failedCaseShowsWhereAndWhatAndAMissingFixtureFails() {
        assertThat(Cli.run(args())).isEqualTo(Cli.FINDINGS);
        assertThat(lines()).containsExactly(
                "FAIL CLAIM-UNITS-MAX: no fixture file " + fixtures.resolve("CLAIM-UNITS-MAX.yaml")
                        + " (every rule needs cases that show what it flags and what it leaves alone)",
                "FAIL CLAIM-UNITS-MIN (1 of 6 cases failed)",
                "  " + fixture + ":4: case 1, zero units on a line is flagged",
                "      expected: CLAIM-UNITS-MIN@UNITS-1[2]",
                "      actual:   CLAIM-UNITS-MIN@UNITS-1[1]",
                "2 rules: 0 passed, 2 failed; 6 cases: 5 passed, 1 failed");
    }

    @Test
    void ruleSelectsByIdOrGlobAndFailedOnlyHidesPasses() throws IOException {
        Files.copy(Path.of("test-claims/CLAIM-UNITS-MIN.yaml"), fixture, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Cli.run(args("--rule", "CLAIM-UNITS-MIN"))).isEqualTo(Cli.OK);
        assertThat(lines()).containsExactly("PASS CLAIM-UNITS-MIN (6 cases)", "1 rule: 1 passed, 0 failed; 6 cases: 6 passed, 0 failed");
        streams.reset();
        assertThat(Cli.run(args("--rule", "CLAIM-*-M??", "--failed-only"))).isEqualTo(Cli.FINDINGS);
        assertThat(lines()).first().asString().startsWith("FAIL CLAIM-UNITS-MAX: no fixture file");
        assertThat(lines()).hasSize(2).last().asString().isEqualTo("2 rules: 1 passed, 1 failed; 6 cases: 6 passed, 0 failed");
        streams.reset();
        assertThat(Cli.run(args("--rule", "NCCI-*"))).isEqualTo(Cli.USAGE);
    }

    @Test
    void watchRerunsTheRuleWhoseFixtureWasSaved() throws Exception {
        Thread watch = new Thread(() -> Cli.run(args("--rule", "CLAIM-UNITS-MIN", "--watch", "--watch-interval", "100ms")));
        watch.start();
        try {
            awaitOutput("watching ");
            assertThat(streams.out()).contains("FAIL CLAIM-UNITS-MIN (1 of 6 cases failed)");
            Files.writeString(fixture, Files.readString(Path.of("test-claims/CLAIM-UNITS-MIN.yaml")));
            awaitOutput("PASS CLAIM-UNITS-MIN (6 cases)");
            assertThat(streams.out()).contains("-- changed: " + fixture + "; running 1 rule(s)");
        } finally {
            watch.interrupt();
            watch.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(watch.isAlive()).isFalse();
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!streams.out().contains(text)) {
            assertThat(System.nanoTime()).as("output should contain: " + text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
