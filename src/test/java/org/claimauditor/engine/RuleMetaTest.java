package org.claimauditor.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMetaTest {

    @Test
    void stripsTheQuotesTheExecutableModelKeeps() {
        Map<String, Object> meta = new HashMap<>();
        meta.put("id", "\"CLAIM-UNITS-MIN\"");
        meta.put("plain", "ERROR");
        meta.put("single", "'WARNING'");
        meta.put("escaped", "\"say \\\"hi\\\"\"");
        assertThat(RuleMeta.text(meta, "id")).isEqualTo("CLAIM-UNITS-MIN");
        assertThat(RuleMeta.text(meta, "plain")).isEqualTo("ERROR");
        assertThat(RuleMeta.text(meta, "single")).isEqualTo("WARNING");
        assertThat(RuleMeta.text(meta, "escaped")).isEqualTo("say \"hi\"");
        assertThat(RuleMeta.text(meta, "absent")).isNull();
    }

    @Test
    void readsRealRulesBuiltWithTheExecutableModel() {
        RuleSet rs = TestRules.shipped();
        RuleInfo units = rs.catalog().stream().filter(r -> r.id().equals("CLAIM-UNITS-MIN")).findFirst().orElseThrow();
        assertThat(units.severity()).isEqualTo(Severity.ERROR);
        assertThat(units.category()).isEqualTo(Category.CLAIM_DATA);
        assertThat(units.doc()).isEqualTo("docs/CLAIM-UNITS-MIN.md");
        assertThat(units.file()).endsWith("rules/claimdata/CLAIM-UNITS-MIN.drl");
        assertThat(units.line()).isPositive();
    }
}
