package org.claimauditor.engine;

import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The usual DRL slips, read by the real parser, come back as one sentence at the place of the slip. */
class DrlParseMessagesTest {

    private static final String RULE;

    static {
        try {
            RULE = Files.readString(Path.of("rules/claimdata/CLAIM-UNITS-MIN.drl"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            a missing ')'          # units != null, units < 1)  # units != null, units < 1   # 13:43: a condition is not closed: missing ')' before 'then' (rule 'Units below 1')
            one ')' too many       # units < 1)                 # units < 1))                # 13:44: ')' closes nothing here: remove it or add the matching '(' (rule 'Units below 1')
            a missing comma        # units != null, units       # units != null units        # 13:33: missing ',' (or && / ||) between two conditions before 'units' (rule 'Units below 1')
            a misspelt keyword     # '\nwhen\n'                 # '\nwen\n'                  # 12:1: 'wen' is not a DRL keyword (did you mean 'when'?) (rule 'Units below 1')
            an unquoted rule name  # rule "Units below 1"       # rule Units below 1         # 9:12: a rule name with spaces needs double quotes: rule "Units below 1"
            a string not closed    # @id("CLAIM-UNITS-MIN")     # @id("CLAIM-UNITS-MIN)      # 10:99: a string is not closed: this line has an odd number of '"'
            a missing end          # '\nend\n'                  # '\n\n'                     # 18:1: rule 'Units below 1' is not closed: missing 'end'
            """)
    void slipIsExplained(String what, String good, String bad, String expected) throws Exception {
        String drl = RULE.replace(unescape(good), unescape(bad));
        assertThat(drl).as("the test's edit applies").isNotEqualTo(RULE);
        SourceText src = new SourceText("x.drl", drl);
        DrlParser parser = new DrlParser();
        parser.parse(false, drl);
        assertThat(parser.hasErrors()).isTrue();
        List<String> messages = parser.getErrors().stream().map(e -> DrlParseMessages.translate(src, e).toString()).toList();
        assertThat(messages).first().isEqualTo("x.drl:" + expected);
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
