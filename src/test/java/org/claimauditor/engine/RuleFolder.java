package org.claimauditor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small rule folders for loader and reload tests. */
final class RuleFolder {

    private RuleFolder() { }

    static String rule(String pkg, String id, String condition) {
        return """
                package %s;

                import org.claimauditor.engine.fact.*;
                import org.claimauditor.engine.FindingSink;

                global FindingSink out;

                rule "%s rule"
                    @id("%s") @severity("ERROR") @category("CLAIM_DATA") @doc("docs/%s.md") @carc("CO-16") @rarc("M53")
                when
                    $l : LineFact(%s)
                then
                    out.line(kcontext, $l, "flagged", "fix it", "test");
                end
                """.formatted(pkg, id, id, id, condition);
    }

    static Path write(Path root, String relative, String text) {
        try {
            Path f = root.resolve(relative);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
