package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.claimauditor.engine.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher's decisions poll by poll: build only stable folders, and each content once. */
class RuleFolderWatcherPollTest {

    @TempDir
    Path dir;

    static String drl(String condition) {
        return """
                package checks;

                import org.claimauditor.engine.fact.*;
                import org.claimauditor.engine.FindingSink;

                global FindingSink out;

                rule "A"
                    @id("A") @severity("ERROR") @category("CLAIM_DATA") @doc("docs/A.md")
                when
                    $l : LineFact(%s)
                then
                    out.line(kcontext, $l, "flagged", "fix it", "test");
                end
                """.formatted(condition);
    }

    void write(String file, String text) throws IOException {
        Path f = dir.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void quickSuccessiveEditsGiveOneReloadOfTheLastState() throws IOException {
        write("rules/checks/A.drl", drl("units > 1"));
        write("policies/medicare.yaml", "payers: [MEDICARE]\nname: Policy 1\n");
        RuleService rules = new RuleService(new RuleSetLoader(dir.resolve("rules"), dir.resolve("policies")));
        RuleFolderWatcher watcher = new RuleFolderWatcher(rules);
        String first = rules.current().version();

        watcher.poll();
        assertThat(watcher.reloads()).isZero();

        // three edits, each seen by one poll: the folder never holds still, nothing is built
        write("rules/checks/A.drl", drl("units > 2"));
        watcher.poll();
        write("policies/medicare.yaml", "payers: [MEDICARE]\nname: Policy 2\n");
        watcher.poll();
        write("rules/checks/A.drl", drl("units > 3"));
        watcher.poll();
        assertThat(watcher.reloads()).isZero();
        assertThat(rules.current().version()).isEqualTo(first);

        // unchanged over two polls: one build, of the last state
        watcher.poll();
        assertThat(watcher.reloads()).isEqualTo(1);
        assertThat(rules.current().version()).isNotEqualTo(first).isEqualTo(rules.versionOnDisk());
        assertThat(rules.current().policies().policies().get(0).name()).isEqualTo("Policy 2");
        watcher.poll();
        watcher.poll();
        assertThat(watcher.reloads()).isEqualTo(1);

        // an edit undone before it settled is not built
        String built = rules.current().version();
        write("rules/checks/A.drl", drl("units > 9"));
        watcher.poll();
        write("rules/checks/A.drl", drl("units > 3"));
        watcher.poll();
        watcher.poll();
        assertThat(watcher.reloads()).isEqualTo(1);
        assertThat(rules.current().version()).isEqualTo(built);

        // a broken edit is built once, fails, and is not built again on later polls
        write("rules/checks/A.drl", drl("units > 3").replace("then", "thn"));
        watcher.poll();
        watcher.poll();
        assertThat(watcher.reloads()).isEqualTo(2);
        assertThat(rules.current().version()).isEqualTo(built);
        assertThat(rules.lastBuiltFiles()).isEqualTo(rules.versionOnDisk());
        watcher.poll();
        watcher.poll();
        assertThat(watcher.reloads()).isEqualTo(2);

        // its fix is built
        write("rules/checks/A.drl", drl("units > 4"));
        watcher.poll();
        watcher.poll();
        assertThat(watcher.reloads()).isEqualTo(3);
        assertThat(rules.current().version()).isEqualTo(rules.versionOnDisk());
    }
}
