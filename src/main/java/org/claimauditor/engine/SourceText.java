package org.claimauditor.engine;

import java.util.List;

/** The text of one rule, data or policy file from a {@link RuleSnapshot}, with the path shown in messages. */
public record SourceText(String file, String text) {

    public List<String> lines() {
        return text.lines().toList();
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        int nl = text.lastIndexOf('\n', offset - 1);
        return offset - nl;
    }
}
