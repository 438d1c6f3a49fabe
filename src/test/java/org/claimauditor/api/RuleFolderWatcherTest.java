package org.claimauditor.api;

import org.claimauditor.engine.RuleService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole host on a real port: health, and automatic reload when a rule file changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleFolderWatcherTest {

    static final Path RULES;

    static {
        try {
            RULES = Files.createTempDirectory("watched-rules");
            FileSystemUtils.copyRecursively(Path.of("rules"), RULES);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("auditor.rules-dir", RULES::toString);
        registry.add("auditor.watch", () -> "true");
        registry.add("auditor.no-ncci", () -> "true");
        registry.add("auditor.watch-interval", () -> "200ms");
        registry.add("auditor.security.users[0].name", () -> "compliance");
        registry.add("auditor.security.users[0].password", () -> "{noop}compliance-pw");
        registry.add("auditor.security.users[0].roles", () -> "COMPLIANCE");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(RULES);
    }

    @Autowired
    RuleService rules;

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUp() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("UP");
    }

    @Test
    void editedRuleFileIsPickedUpAndABrokenEditIsNot() throws Exception {
        String before = rules.current().version();
        Path drl = RULES.resolve("claimdata/CLAIM-UNITS-MIN.drl");
        String text = Files.readString(drl);
        Files.writeString(drl, text.replace("units < 1", "units < 2"));
        assertThat(awaitVersionChange(before)).isTrue();
        String edited = rules.current().version();

        Files.writeString(drl, text.replace("then", "thn"));
        Thread.sleep(1500); // several poll intervals
        assertThat(rules.current().version()).isEqualTo(edited);

        Files.writeString(drl, text);
        assertThat(awaitVersionChange(edited)).isTrue();
        assertThat(rules.current().version()).isEqualTo(before);
    }

    @Autowired
    RuleFolderWatcher watcher;

    /** Several saves in quick succession (an editor saving rule and policy files) give one reload, of the last state. */
    @Test
    void quickSuccessiveEditsAreBuiltOnceWhenTheFolderIsStable() throws Exception {
        String before = rules.current().version();
        long reloads = watcher.reloads();
        Path drl = RULES.resolve("claimdata/CLAIM-UNITS-MIN.drl");
        Path doc = RULES.resolve("docs/CLAIM-UNITS-MIN.md");
        String text = Files.readString(drl);
        String docText = Files.readString(doc);
        for (int i = 2; i <= 6; i++) {
            Files.writeString(drl, text.replace("units < 1", "units < " + i));
            Files.writeString(doc, docText + "\nEdit " + i + ".\n");
        }
        assertThat(awaitVersionChange(before)).isTrue();
        Thread.sleep(1500); // several more poll intervals: nothing more to build
        assertThat(watcher.reloads() - reloads).isEqualTo(1);
        assertThat(rules.current().version()).isEqualTo(rules.versionOnDisk());
        assertThat(http.withBasicAuth("compliance", "compliance-pw").getForObject("/api/v1/rules", java.util.Map.class).get("version")).isEqualTo(rules.versionOnDisk());

        Files.writeString(drl, text);
        Files.writeString(doc, docText);
        assertThat(awaitVersionChange(rules.current().version())).isTrue();
        assertThat(rules.current().version()).isEqualTo(before);
    }

    private boolean awaitVersionChange(String from) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!rules.current().version().equals(from)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
