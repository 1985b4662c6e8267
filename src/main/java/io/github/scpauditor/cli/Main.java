package io.github.scpauditor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line: {@code audit}, {@code simulate} and {@code bench}. Exit codes: 0 clean, 1 findings
 * at or above --fail-on, 2 an input could not be read or parsed (or the command line was wrong),
 * 3 an internal error.
 */
public final class Main implements Runnable {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int INPUT_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("scp-auditor")
            .versionProvider(Main::version);

    private Main() {
        spec.usageMessage().description("Audits AWS service control policies for the China partition (aws-cn).");
        Options.helpAndVersion(spec);
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default: messages quote policy text, which may be any Unicode.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        int exit = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs one command line with these streams and returns its exit code (tests call this in-process). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main().spec);
        // A run builds only the command it invokes (building the others would load their classes for nothing);
        // anything else (help, a typo) sees them all.
        CommandSpec invoked = args.length == 0 ? null : switch (args[0]) {
            case "audit" -> new AuditCommand().spec();
            case "simulate" -> new SimulateCommand().spec();
            case "bench" -> new BenchCommand().spec();
            default -> null;
        };
        List<CommandSpec> commands = invoked != null ? List.of(invoked)
                : List.of(new AuditCommand().spec(), new SimulateCommand().spec(), new BenchCommand().spec());
        for (CommandSpec command : commands) {
            commandLine.addSubcommand(command);
        }
        commandLine
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parseResult) -> {
                    // A bug, not bad input (bad input becomes a reported error): say so in one line.
                    line.getErr().println("scp-auditor: internal error: " + e);
                    return INTERNAL_ERROR;
                });
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: audit, simulate or bench");
    }

    /** What --version prints, for every command. */
    static String[] version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"scp-auditor " + (version == null ? "(development build)" : version)};
    }
}
