package org.claimauditor.codes;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HcpcsReleaseTest {

    @Test
    void releaseFromTheNamesCmsUses() {
        assertThat(HcpcsRelease.fromFileName("HCPC2019_CONTR_ANWEB.txt")).hasValue(new HcpcsRelease(2019, 0));
        assertThat(HcpcsRelease.fromFileName("HCPC2026_OCT_ANWEB.excerpt.csv")).hasValue(new HcpcsRelease(2026, 10));
        assertThat(HcpcsRelease.fromFileName("HCPC2026_JUL_ANWEB_06172026.txt")).hasValue(new HcpcsRelease(2026, 7));
        assertThat(HcpcsRelease.fromFileName("hcpc2025_oct_anweb_v3.txt")).hasValue(new HcpcsRelease(2025, 10));
        assertThat(HcpcsRelease.fromFileName("HCPC2020_ANWEB_w_disclaimer.csv")).hasValue(new HcpcsRelease(2020, 0));
        assertThat(HcpcsRelease.fromFileName("HCPC2019_CONTR_ANWEB.xlsx")).isEmpty(); // same data as the .txt
        assertThat(HcpcsRelease.fromFileName("HCPC2019_Trans_Alpha.xlsx")).isEmpty();
    }

    @Test
    void coverageIsTheReleaseYearAndTheYearBefore() {
        HcpcsRelease r = new HcpcsRelease(2026, 10);
        assertThat(r.label()).isEqualTo("2026 October");
        assertThat(new HcpcsRelease(2019, 0).label()).isEqualTo("2019");
        assertThat(r.coverageStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(r.coverageEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(r.covers(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(r.covers(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(new HcpcsRelease(2026, 10)).isGreaterThan(new HcpcsRelease(2026, 7))
                .isGreaterThan(new HcpcsRelease(2025, 10));
    }
}
