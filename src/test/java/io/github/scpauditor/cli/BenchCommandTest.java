package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bench prints and how it treats bad input; the figures themselves are not asserted (machine-dependent). */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsTheMeasuredPassesRateHeapAndJitTime() throws IOException {
        Cli.copy("clean.json", dir);
        Cli.copy("region-lockout.json", dir);

        Cli.Result result = Cli.run("bench", "--warmup-seconds", "0", "--iterations", "3", dir.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .containsPattern("2 policies x 3 passes \\(after 1 warm-up passes in 0 s\\) in [0-9.]+ ms on one thread")
                .containsPattern("[0-9,]+ policies/s \\(wall clock\\)")
                .containsPattern("[0-9,]+ policies per CPU second of this thread")
                .containsPattern("peak heap during the measured passes: [0-9.]+ MiB")
                .containsPattern("heap in use after the passes and a full collection: [0-9.]+ MiB")
                .containsPattern("allocated per policy: [0-9.]+ KiB")
                .contains("JIT compilation during the measured passes: ")
                // clean.json has none; the lockout policy's findings are counted once per pass.
                .containsPattern("findings per pass: [1-9][0-9]*\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void refusesANegativeWarmUpAndAnInputWithoutPolicies() {
        Cli.Result negative = Cli.run("bench", "--warmup-seconds", "-1", dir.toString());
        Cli.Result empty = Cli.run("bench", "--warmup-seconds", "0", dir.toString());

        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--warmup-seconds must be 0 or more, not -1");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("no policy to measure");
    }
}
