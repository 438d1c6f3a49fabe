package org.claimauditor.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFormatTest {

    @Test
    void parsesACommaSeparatedListInAnyCase() {
        assertThat(ReportFormat.parse("json,csv,html")).containsExactly(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML);
        assertThat(ReportFormat.parse(" HTML , json")).containsExactly(ReportFormat.JSON, ReportFormat.HTML);
        assertThat(ReportFormat.parse("pdf")).containsExactly(ReportFormat.PDF);
    }

    @Test
    void unknownOrEmptyListsAreUsageErrors() {
        assertThatThrownBy(() -> ReportFormat.parse("json,xlsx")).hasMessage("Unknown report format 'xlsx'; choose from json, csv, html, pdf");
        assertThatThrownBy(() -> ReportFormat.parse(" , ")).hasMessageContaining("at least one");
    }
}
