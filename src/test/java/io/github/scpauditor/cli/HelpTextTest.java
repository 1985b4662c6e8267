package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins each command's --help, word for word, to a golden file in src/test/resources/cli/help/: the commands declare
 * their command line in code, and a slip there (an option's order, label or default) would change it silently.
 * After an intended change, regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
class HelpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "audit", "simulate", "bench"})
    void helpIsAsPinned(String command) throws IOException {
        Cli.Result help = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        String name = (command.isEmpty() ? "scp-auditor" : command) + ".txt";

        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/cli/help", name), help.out(), StandardCharsets.UTF_8);
        }
        assertThat(help.exit()).isZero();
        assertThat(help.err()).isEmpty();
        try (InputStream golden = HelpTextTest.class.getResourceAsStream("/cli/help/" + name)) {
            assertThat(golden).as("golden file cli/help/%s", name).isNotNull();
            assertThat(help.out()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "simulate", "bench"})
    void everyCommandPrintsTheVersionAsTheTopLevelDoes(String command) {
        Cli.Result top = Cli.run("--version");
        Cli.Result version = Cli.run(command, "-V");

        assertThat(top.exit()).isZero();
        assertThat(top.out()).startsWith("scp-auditor ");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).isEqualTo(top.out());
    }
}
