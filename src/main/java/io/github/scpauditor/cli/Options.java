package io.github.scpauditor.cli;

import io.github.scpauditor.partition.Partition;
import java.util.List;
import picocli.CommandLine;

/** Options and argument checks that several commands share. */
final class Options {

    static final List<String> PARTITIONS = List.of("aws-cn", "aws", "aws-us-gov");

    private Options() {
    }

    static Partition partition(CommandLine commandLine, String id) {
        if (!PARTITIONS.contains(id)) {
            throw new CommandLine.ParameterException(commandLine,
                    "Invalid value for option '--partition': '" + id + "' (expected one of " + String.join(", ", PARTITIONS) + ")");
        }
        return Partition.of(id);
    }

    static int positive(CommandLine commandLine, String option, int value) {
        if (value <= 0) {
            throw new CommandLine.ParameterException(commandLine,
                    "Invalid value for option '" + option + "': " + value + " (expected a positive number)");
        }
        return value;
    }
}
