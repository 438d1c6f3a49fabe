package org.claimauditor.web.rules;

import org.claimauditor.engine.RuleInfo;
import org.claimauditor.fixture.FixtureRunner;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's doc page ({@code rules/docs/<ID>.md}, as its {@code @doc} names it) as HTML, and its fixture count. Raw
 * HTML in the Markdown is escaped, not passed through: the docs are edited by many hands, the page is a signed-in
 * user's.
 */
final class RuleDocs {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).attributeProviderFactory(c -> RuleDocs::links).build();
    private static final Pattern RULE_DOC = Pattern.compile("([A-Z0-9][A-Z0-9-]*)\\.md");

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

    /**
     * Links between rule docs go to that rule's page; other relative links (to the project's docs/) lead nowhere on
     * this host, so they become plain text titled with the file they name.
     */
    private static void links(Node node, String tag, Map<String, String> attributes) {
        if (!(node instanceof Link link) || link.getDestination().contains(":") || link.getDestination().startsWith("#")) {
            return;
        }
        attributes.remove("rel"); // a page of this host, or no link at all
        Matcher m = RULE_DOC.matcher(link.getDestination());
        if (m.matches()) {
            attributes.put("href", "/rules/" + m.group(1));
            return;
        }
        attributes.remove("href");
        attributes.put("title", Path.of("rules/docs").resolve(link.getDestination()).normalize()
                .toString().replace('\\', '/') + " in the project");
    }

    /** Cases in {@code <fixtures>/<ID>.yaml}; 0 when there is no such file. */
    int fixtureCases(String ruleId) {
        Path file = fixturesDir.resolve(ruleId + ".yaml");
        return Files.isRegularFile(file) ? FixtureRunner.caseLines(file).size() : 0;
    }
}
