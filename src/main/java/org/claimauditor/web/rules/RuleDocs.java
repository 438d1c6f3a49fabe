package org.claimauditor.web.rules;

import org.claimauditor.engine.RuleInfo;
import org.claimauditor.fixture.FixtureRunner;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule's doc page ({@code rules/docs/<ID>.md}, as its {@code @doc} names it) as HTML, and its fixture count. Raw
 * HTML in the Markdown is escaped, not passed through: the docs are edited by many hands, the page is a signed-in
 * user's.
 */
final class RuleDocs {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private final Path rulesDir;
    private final Path fixturesDir;

    RuleDocs(Path rulesDir, Path fixturesDir) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        this.fixturesDir = fixturesDir;
    }

    /** The rendered doc, or null when the rule names none or the file is missing (the build warned about it). */
    String html(RuleInfo rule) throws IOException {
        if (rule.doc() == null || rule.doc().isBlank()) {
            return null;
        }
        Path file = rulesDir.resolve(rule.doc()).normalize();
        if (!file.startsWith(rulesDir) || !Files.isRegularFile(file)) {
            return null;
        }
        return HTML.render(PARSER.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** Cases in {@code <fixtures>/<ID>.yaml}; 0 when there is no such file. */
    int fixtureCases(String ruleId) {
        Path file = fixturesDir.resolve(ruleId + ".yaml");
        return Files.isRegularFile(file) ? FixtureRunner.caseLines(file).size() : 0;
    }
}
