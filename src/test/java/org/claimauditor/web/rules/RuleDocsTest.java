package org.claimauditor.web.rules;

import org.claimauditor.engine.Category;
import org.claimauditor.engine.RuleInfo;
import org.claimauditor.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RuleDocsTest {

    @Test
    void aShippedDocRendersWithItsProjectLinksAsText() throws Exception {
        RuleDocs docs = new RuleDocs(Path.of("rules"), Path.of("test-claims"));
        String html = docs.html(rule("CLAIM-AGE-MAX", "docs/CLAIM-AGE-MAX.md"));
        assertThat(html).contains("<h1>CLAIM-AGE-MAX: Patient age above the plausible maximum</h1>")
                .contains("<a title=\"docs/remittance-codes.md#claim-data in the project\">")
                .doesNotContain("../../");
        assertThat(docs.fixtureCases("CLAIM-AGE-MAX")).isEqualTo(7);
        assertThat(docs.fixtureCases("NO-SUCH-RULE")).isZero();
    }

    @Test
    void rawHtmlIsEscapedRuleLinksGoToTheRulePageAndNoDocLeavesTheRulesFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("rules/docs"));
        Files.writeString(dir.resolve("rules/docs/X.md"), "# X\n<script>alert(1)</script>\nSee [Y](Y-RULE.md).\n");
        Files.writeString(dir.resolve("secret.md"), "# not a rule doc\n");
        RuleDocs docs = new RuleDocs(dir.resolve("rules"), dir);
        assertThat(docs.html(rule("X", "docs/X.md"))).contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("<a href=\"/rules/Y-RULE\">Y</a>");
        assertThat(docs.html(rule("X", "../secret.md"))).isNull();
        assertThat(docs.html(rule("X", "docs/missing.md"))).isNull();
    }

    private static RuleInfo rule(String id, String doc) {
        return new RuleInfo(id, Category.CLAIM_DATA, Severity.ERROR, "d", doc, "rules/x.drl", 1, "p", id, null);
    }
}
