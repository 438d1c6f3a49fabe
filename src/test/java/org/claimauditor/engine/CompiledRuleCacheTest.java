package org.claimauditor.engine;

import org.claimauditor.codes.CodeSets;
import org.claimauditor.fixture.FixtureRunner;
import org.claimauditor.ncci.NcciTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unchanged rule set is loaded from the compiled-module cache (one module per rule file) and audits exactly as the
 * compiled one; an edit compiles only the edited file.
 */
class CompiledRuleCacheTest {

    @TempDir
    Path tmp;

    private Path rules() throws IOException {
        Path rules = tmp.resolve("rules");
        for (String f : List.of("claimdata/CLAIM-UNITS-MIN.drl", "claimdata/CLAIM-UNITS-MAX.drl", "docs/CLAIM-UNITS-MIN.md",
                "docs/CLAIM-UNITS-MAX.md", "data/plausibility.yaml")) {
            Files.createDirectories(rules.resolve(f).getParent());
            Files.copy(Path.of("rules").resolve(f), rules.resolve(f));
        }
        return rules;
    }

    private List<Path> cached(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".kjar")).toList();
        }
    }

    @Test
    void secondLoadComesFromTheCacheAndJudgesTheFixturesAlike() throws IOException {
        Path rules = rules();
        Path cache = tmp.resolve("cache");
        CompiledRuleCache c = CompiledRuleCache.at(cache);
        RuleSet compiled = new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load();
        assertThat(cached(cache)).as("one module per rule file").hasSize(2);
        byte[] stored = Files.readAllBytes(cached(cache).get(0));

        RuleSet loaded = new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load();
        assertThat(cached(cache)).hasSize(2);
        assertThat(Files.readAllBytes(cached(cache).get(0))).as("a hit is not rewritten").isEqualTo(stored);
        assertThat(loaded.catalog()).isEqualTo(compiled.catalog());
        assertThat(loaded.version()).isEqualTo(compiled.version());
        Reference ref = new Reference(NcciTables.NONE, CodeSets.EMPTY);
        Path fixture = Path.of("test-claims/CLAIM-UNITS-MIN.yaml");
        assertThat(FixtureRunner.run(loaded, ref, fixture)).hasSize(6).allSatisfy(r -> assertThat(r.passed()).as(r.detail()).isTrue());
    }

    @Test
    void anEditedFileIsCompiledAgainAndABrokenOneIsNeverCached() throws IOException {
        Path rules = rules();
        Path cache = tmp.resolve("cache");
        CompiledRuleCache c = CompiledRuleCache.at(cache);
        Path drl = rules.resolve("claimdata/CLAIM-UNITS-MIN.drl");
        Files.writeString(drl, Files.readString(drl).replace("@severity(\"ERROR\")", "@severity(\"EROR\")"));
        assertThatThrownBy(() -> new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load()).isInstanceOf(RuleBuildException.class);
        assertThat(cached(cache)).as("only the sound file, CLAIM-UNITS-MAX").hasSize(1);
        Path sound = cached(cache).get(0);

        Files.writeString(drl, Files.readString(drl).replace("@severity(\"EROR\")", "@severity(\"WARNING\")"));
        RuleSet warning = new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load();
        assertThat(cached(cache)).hasSize(2).contains(sound);
        assertThat(warning.catalog()).filteredOn(r -> r.id().equals("CLAIM-UNITS-MIN")).singleElement()
                .extracting(RuleInfo::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void filesCompiledAloneStillMayNotShareARuleIdOrARuleName() throws IOException {
        Path rules = rules();
        Path cache = tmp.resolve("cache");
        CompiledRuleCache c = CompiledRuleCache.at(cache);
        new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load(); // both files now come from the cache
        Path copy = rules.resolve("claimdata/CLAIM-UNITS-MIN-COPY.drl");
        Files.writeString(copy, Files.readString(rules.resolve("claimdata/CLAIM-UNITS-MIN.drl"))
                .replace("rule \"Units below 1\"", "rule \"Units below one\""));
        assertThatThrownBy(() -> new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load())
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors()).map(BuildError::toString)
                        .anySatisfy(m -> assertThat(m).contains("CLAIM-UNITS-MIN", "duplicate rule id 'CLAIM-UNITS-MIN'", "also used at")));

        Files.writeString(copy, Files.readString(rules.resolve("claimdata/CLAIM-UNITS-MIN.drl"))
                .replace("@id(\"CLAIM-UNITS-MIN\")", "@id(\"CLAIM-UNITS-MIN-COPY\")"));
        assertThatThrownBy(() -> new RuleSetLoader(rules, tmp.resolve("none")).withCache(c).load())
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors()).map(BuildError::toString)
                        .anySatisfy(m -> assertThat(m).contains("CLAIM-UNITS-MIN-COPY.drl:", "rule \"Units below 1\" is also defined")));
    }
}
