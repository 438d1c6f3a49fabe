package org.claimauditor.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressMeterTest {

    @Test
    void lineShowsCountRateAndTimeLeft() {
        assertThat(ProgressMeter.line("Auditing", 500, 1000, 2_000_000_000L))
                .isEqualTo("Auditing 500 / 1,000 claims (50.0 %)  250 claims/s  ETA 0:02");
        assertThat(ProgressMeter.line("Auditing", 0, 1000, 1_000_000_000L)).endsWith("0 claims/s  ETA --:--");
        assertThat(ProgressMeter.duration(3725)).isEqualTo("1:02:05");
        assertThat(ProgressMeter.duration(59)).isEqualTo("0:59");
    }

    @Test
    void silentWhenNotATerminal() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressMeter m = ProgressMeter.start("Auditing", 10, new PrintStream(bytes), false)) {
            m.advance(5);
            assertThat(m.showing()).isFalse();
            Thread.sleep(1200);
        }
        assertThat(bytes.size()).isZero();
        // Under Maven the JVM has no console, so the public factory is silent too.
        try (ProgressMeter m = ProgressMeter.start("Auditing", 10)) {
            assertThat(m.showing()).isEqualTo(System.console() != null);
        }
    }

    @Test
    void onATerminalRedrawsOneLineEverySecondAndWipesItAtTheEnd() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressMeter m = ProgressMeter.start("Auditing", 10, new PrintStream(bytes, true, StandardCharsets.UTF_8), true)) {
            m.advance(4);
            Thread.sleep(1300);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rAuditing 4 / 10 claims (40.0 %)").contains("claims/s  ETA ").doesNotContain("\n");
        assertThat(out).endsWith("\r");
    }
}
