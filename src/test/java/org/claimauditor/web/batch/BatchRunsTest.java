package org.claimauditor.web.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchRunsTest {

    @Test
    void uploadNamesKeepTheirExtensionAndCannotLeaveTheRunFolder() {
        assertThat(BatchRuns.safeName("claims 2026-Q3.jsonl")).isEqualTo("claims_2026-Q3.jsonl");
        assertThat(BatchRuns.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(BatchRuns.safeName("C:\\Users\\me\\batch.837")).isEqualTo("batch.837");
        assertThat(BatchRuns.safeName("..hidden.csv")).isEqualTo("hidden.csv");
        assertThat(BatchRuns.safeName(null)).isEqualTo("claims.json");
        assertThat(BatchRuns.safeName("..")).isEqualTo("claims.json");
    }
}
