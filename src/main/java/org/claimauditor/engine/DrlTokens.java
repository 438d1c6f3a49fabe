package org.claimauditor.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL (and the Java inside it: constraints, consequences, functions) into identifiers, literals and
 * punctuation, skipping comments, so the rule trust check sees code and never the text of strings or comments.
 * It errs on the side of code: anything it cannot read as a comment or literal is scanned as code.
 */
final class DrlTokens {

    enum Kind { IDENT, STRING, NUMBER, PUNCT }

    /** One token; {@code offset} is its first character in the source. */
    record Token(Kind kind, String text, int offset) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private DrlTokens() { }

    static List<Token> of(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (src.startsWith("//", i)) {
                i = lineEnd(src, i);
            } else if (src.startsWith("/*", i)) {
                int close = src.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int close = src.indexOf("\"\"\"", i + 3);
                int end = close < 0 ? n : close + 3;
                out.add(new Token(Kind.STRING, src.substring(i, end), i));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = stringEnd(src, i, c);
                out.add(new Token(Kind.STRING, src.substring(i, end), i));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(src.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.IDENT, src.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_'
                        || (src.charAt(end) == '.' && end + 1 < n && Character.isDigit(src.charAt(end + 1))))) {
                    end++;
                }
                out.add(new Token(Kind.NUMBER, src.substring(i, end), i));
                i = end;
            } else if (src.startsWith("::", i)) {
                out.add(new Token(Kind.PUNCT, "::", i));
                i += 2;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
                i++;
            }
        }
        return out;
    }

    /** A quoted literal ends at its unescaped closing quote, or at the line end (the compiler rejects that). */
    private static int stringEnd(String src, int start, char quote) {
        int i = start + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return src.length();
    }

    private static int lineEnd(String src, int i) {
        while (i < src.length() && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
