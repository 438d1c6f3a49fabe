package org.claimauditor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's relative links resolve: every {@code [text](path)} in README.md, BENCHMARKS.md, docs/*.md,
 * payer-policies/README.md, rules/docs/*.md and the sample folders' READMEs names a file or folder that exists, and
 * every {@code path.md#anchor} (or {@code #anchor}) names a heading of that page, slugged the way GitHub does.
 * Links with a scheme (https:, mailto:) are not checked; links inside code blocks and code spans are not links.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        List<Path> pages = pages();
        assertThat(pages).as("documentation pages").contains(Path.of("README.md"), Path.of("docs", "command-line.md"));
        for (Path page : pages) {
            List<String> lines = read(page);
            boolean fence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
                    fence = !fence;
                    continue;
                }
                if (fence) {
                    continue;
                }
                String text = CODE_SPAN.matcher(line).replaceAll("code");
                for (Pattern p : List.of(LINK, IMAGE)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        String problem = check(page, m.group(1));
                        if (problem != null) {
                            broken.add(page + ":" + (i + 1) + ": " + m.group(1) + ": " + problem);
                        }
                    }
                }
            }
        }
        assertThat(broken).as("broken documentation links").isEmpty();
    }

    @Test
    void slugsFollowGitHub() {
        assertThat(slug("Quick start (Java 17 and Maven)")).isEqualTo("quick-start-java-17-and-maven");
        assertThat(slug("NCCI edits: the CMS files are data, the rules are generic"))
                .isEqualTo("ncci-edits-the-cms-files-are-data-the-rules-are-generic");
        assertThat(slug("`claim-summaries`")).isEqualTo("claim-summaries");
        assertThat(slug("Benchmarks (`bench`)")).isEqualTo("benchmarks-bench");
        assertThat(slug("Trust boundary: who may edit rules")).isEqualTo("trust-boundary-who-may-edit-rules");
        assertThat(slug("[Rules](rules.md) and *more*")).isEqualTo("rules-and-more");
        assertThat(slug("snake_case — and dashes")).isEqualTo("snake_case--and-dashes");
    }

    /** Null when the link resolves, else what is wrong. */
    private String check(Path page, String target) {
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return null;
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file;
        if (pathPart.isEmpty()) {
            file = page;
        } else {
            Path base = page.getParent() == null ? Path.of("") : page.getParent();
            file = base.resolve(decode(pathPart)).normalize();
            if (!Files.exists(file)) {
                return "no such file " + file;
            }
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!file.toString().endsWith(".md")) {
            return "anchor on a file that is not Markdown";
        }
        if (Files.isDirectory(file)) {
            return "anchor on a folder";
        }
        Set<String> known = anchors.computeIfAbsent(file, DocsLinksTest::headingAnchors);
        return known.contains(decode(anchor)) ? null : "no heading '#" + anchor + "' in " + file + " (has " + known + ")";
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The anchors GitHub makes for a page's headings: the slug, and slug-1, slug-2 … for repeats. */
    static Set<String> headingAnchors(Path file) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : read(file)) {
            if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fence || !m.matches()) {
                continue;
            }
            String s = slug(m.group(2));
            int n = seen.merge(s, 1, Integer::sum) - 1;
            out.add(n == 0 ? s : s + "-" + n);
        }
        return out;
    }

    /**
     * GitHub's heading slug: the heading's text (link targets, emphasis and code marks dropped), lower case, every
     * character other than a letter, digit, space, '-' or '_' removed, then each space replaced by '-'.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
        text = text.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("BENCHMARKS.md"),
                Path.of("payer-policies", "README.md")));
        pages.addAll(markdownIn(Path.of("docs")));
        pages.addAll(markdownIn(Path.of("rules", "docs")));
        for (Path sample : List.of(Path.of("test-claims", "ncci-sample", "README.md"),
                Path.of("test-claims", "code-sets-sample", "README.md"))) {
            if (Files.exists(sample)) {
                pages.add(sample);
            }
        }
        return pages.stream().filter(Files::exists).toList();
    }

    private static List<Path> markdownIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
