package io.github.scpauditor.cli;

import io.github.scpauditor.partition.Partition;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How the commands declare their command line, and the options and argument checks they share.
 *
 * <p>The commands are built with picocli's programmatic API, not its annotations: reading those cost a cold start
 * about 60 ms of a 360 ms audit, as the JVM generates a proxy class for each annotation type read (which a
 * class-data archive cannot hold) and parses the generic signatures of the annotated fields.
 */
final class Options {

    static final List<String> PARTITIONS = List.of("aws-cn", "aws", "aws-us-gov");

    private Options() {
    }

    /** An option or positional parameter whose value picocli converts to a T; commands read their values only here. */
    record Value<T>(ArgSpec arg) {
        T get() {
            return arg.getValue();
        }
    }

    /**
     * A subcommand named name that runs the given object, described by these lines; its help lists the options in
     * the order they are added, as wide as the terminal.
     */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(Main::version);
        spec.usageMessage().description(description).sortOptions(false).autoWidth(true);
        return spec;
    }

    /** The options picocli's mixinStandardHelpOptions gave; added after a command's own options, as it did. */
    static void helpAndVersion(CommandSpec command) {
        command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        command.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** The help's list of exit codes, each written "code:meaning". */
    static void exitCodes(CommandSpec command, String... codes) {
        command.usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(UsageMessageSpec.keyValuesMap(codes));
    }

    static <T> Value<T> option(CommandSpec command, Class<T> type, OptionSpec.Builder option) {
        return add(command, option.type(type).build());
    }

    /** A flag: false unless given. */
    static Value<Boolean> flag(CommandSpec command, OptionSpec.Builder option) {
        return add(command, option.type(boolean.class).initialValue(false).build());
    }

    /** An option that may be given several times: its values in order. */
    static <T> Value<List<T>> repeatable(CommandSpec command, Class<T> type, OptionSpec.Builder option) {
        return add(command, option.type(List.class).auxiliaryTypes(type).build());
    }

    /** The positional parameters: their values in order, an empty list when none is given. */
    static <T> Value<List<T>> positionals(CommandSpec command, Class<T> type, PositionalParamSpec.Builder parameters) {
        PositionalParamSpec positionals = parameters.type(List.class).auxiliaryTypes(type)
                .initialValue(new ArrayList<>()).build();
        command.addPositional(positionals);
        return new Value<>(positionals);
    }

    private static <T> Value<T> add(CommandSpec command, OptionSpec option) {
        command.addOption(option);
        return new Value<>(option);
    }

    static Value<String> partition(CommandSpec command) {
        return option(command, String.class, OptionSpec.builder("--partition").paramLabel("PARTITION")
                .defaultValue("aws-cn").description("aws-cn (default), aws or aws-us-gov."));
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
