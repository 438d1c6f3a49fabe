package org.claimauditor.engine;

import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the DRL parser's messages ({@code [ERR 102] Line 13:0 mismatched input 'then' in rule "Units below 1"}) into
 * a sentence about the likely mistake, placed where it was made: a condition not closed is reported at the end of
 * the line that lacks the {@code )}, not at the {@code then} the parser stumbled on.
 */
final class DrlParseMessages {

    private static final Pattern MESSAGE = Pattern.compile(
            "(?:\\[ERR \\d+\\] )?(?:Line \\d+:\\d+ )?(.*?)(?: in rule \"?([^\"]*)\"?)?\\s*$", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'(?=[^']*'))*)'");
    private static final Pattern EXPECTING = Pattern.compile("expecting (.+)$");
    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+([^\"'\\s][^\\n]*?)\\s*$");
    static final List<String> KEYWORDS = List.of("package", "import", "global", "function", "declare", "query", "rule",
            "when", "then", "end", "not", "exists", "forall", "from", "accumulate", "collect", "eval", "or", "and",
            "salience", "no-loop", "agenda-group", "activation-group", "dialect", "enabled", "contains", "matches",
            "memberOf", "extends");

    private DrlParseMessages() { }

    static BuildError translate(SourceText src, DroolsError e) {
        int line = e instanceof ParserError pe ? pe.getRow() : e.getLines().length > 0 ? e.getLines()[0] : 0;
        int column = e instanceof ParserError pe ? pe.getCol() + 1 : 0; // the parser counts columns from 0
        Matcher m = MESSAGE.matcher(e.getMessage().strip());
        String what = m.matches() ? m.group(1) : e.getMessage();
        String rule = m.matches() ? m.group(2) : null;
        Matcher q = QUOTED.matcher(what);
        String token = q.find() ? q.group(1) : null;
        Matcher exp = EXPECTING.matcher(what);
        String expecting = exp.find() ? exp.group(1) : null;
        return translate(src, line, column, what, token, expecting, rule);
    }

    static BuildError translate(SourceText src, int line, int column, String what, String token, String expecting, String rule) {
        String in = rule == null || rule.isBlank() ? "" : " (rule '" + rule + "')";
        String text = src.text();
        int offset = offsetOf(text, line, column);
        int[] quote = unclosedString(text, offset);
        if (quote != null) {
            return new BuildError(src.file(), quote[0], quote[1], "a string is not closed: this line has an odd number of '\"'" + in);
        }
        if (line > 0 && line <= src.lines().size()) {
            Matcher unquoted = RULE_LINE.matcher(src.lines().get(line - 1));
            if (unquoted.matches() && unquoted.group(1).contains(" ")) {
                return new BuildError(src.file(), line, column,
                        "a rule name with spaces needs double quotes: rule \"" + unquoted.group(1) + "\"");
            }
        }
        if ("<eof>".equalsIgnoreCase(token) || "<EOF>".equals(token)) {
            return new BuildError(src.file(), src.lines().size(), 1,
                    (rule == null ? "the file ends inside a rule" : "rule '" + rule + "' is not closed") + ": missing 'end'");
        }
        int depth = openParentheses(text, offset);
        if (depth > 0 && token != null) {
            int[] at = endOfPreviousLine(src, line, column);
            if (at[0] < line || ")".equals(expecting) || isKeyword(token)) {
                return new BuildError(src.file(), at[0], at[1],
                        "a condition is not closed: missing ')' before '" + token + "'" + in);
            }
            if (token.matches("\\$?[A-Za-z_]\\w*")) {
                return new BuildError(src.file(), line, column, "missing ',' (or && / ||) between two conditions before '"
                        + token + "'" + in);
            }
        }
        if (depth <= 0 && ")".equals(token)) {
            return new BuildError(src.file(), line, column, "')' closes nothing here: remove it or add the matching '('" + in);
        }
        if (token != null && token.matches("[A-Za-z-]+") && !isKeyword(token)) {
            String hint = Suggestions.didYouMean(token, KEYWORDS);
            if (!hint.isEmpty()) {
                return new BuildError(src.file(), line, column, "'" + token + "' is not a DRL keyword" + hint + in);
            }
        }
        String sentence = token == null ? "the rule cannot be read here: " + what
                : "unexpected '" + token + "'" + (expecting == null ? "" : ", expected " + expecting.replace("<EOF>", "the end of the file"));
        return new BuildError(src.file(), line, column, sentence + in);
    }

    private static boolean isKeyword(String token) {
        return KEYWORDS.contains(token);
    }

    /** Where a statement the parser read past really ends: the end of the last non-blank line before the error. */
    private static int[] endOfPreviousLine(SourceText src, int line, int column) {
        List<String> lines = src.lines();
        if (line < 1 || line > lines.size() || !lines.get(line - 1).substring(0, Math.min(column - 1, lines.get(line - 1).length())).isBlank()) {
            return new int[] {line, column};
        }
        for (int i = line - 2; i >= 0; i--) {
            String l = stripComment(lines.get(i));
            if (!l.isBlank()) {
                return new int[] {i + 1, l.stripTrailing().length() + 1};
            }
        }
        return new int[] {line, column};
    }

    private static String stripComment(String line) {
        int c = line.indexOf("//");
        return c < 0 ? line : line.substring(0, c);
    }

    /**
     * Parentheses open (positive) or closed too often (negative) between the last {@code when} before
     * {@code offset} and {@code offset}, ignoring strings and comments.
     */
    static int openParentheses(String text, int offset) {
        int when = -1;
        Matcher w = Pattern.compile("(?m)^\\s*when\\b|\\bwhen\\s*$").matcher(text);
        while (w.find() && w.start() < offset) {
            when = w.end();
        }
        if (when < 0) {
            return 0;
        }
        int depth = 0;
        for (int i = when; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                i = close < 0 ? text.length() : close;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return depth;
    }

    /** Line and column of a {@code "} that opens a string no {@code "} closes on the same line, before {@code offset}. */
    static int[] unclosedString(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        boolean inBlock = false;
        for (int i = 0; i < text.length() && i <= Math.max(offset, 0); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (inBlock) {
                if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                    inBlock = false;
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                inBlock = true;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int nl = text.indexOf('\n', i);
                i = (nl < 0 ? text.length() : nl) - 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= text.length() || text.charAt(j) == '\n') {
                    return new int[] {line, i - lineStart + 1};
                }
                i = j;
            }
        }
        return null;
    }

    static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return text.length();
            }
        }
        return Math.min(text.length(), offset + Math.max(column - 1, 0));
    }
}
