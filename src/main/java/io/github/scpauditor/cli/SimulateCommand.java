package io.github.scpauditor.cli;

import io.github.scpauditor.eval.Evaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Answers what the SCPs decide for each request line of the --requests file.",
                "A request line (one JSON object per line):",
                "  {\"action\": \"iam:CreateRole\",",
                "   \"resource\": \"arn:aws-cn:iam::111122223333:role/x\",",
                "   \"principalArn\": \"arn:aws-cn:iam::111122223333:user/alice\",",
                "   \"context\": {\"aws:RequestedRegion\": \"cn-north-1\"}}",
                "Each answer (one line per request, in order):",
                "  {\"decision\": \"EXPLICIT_DENY\" | \"ALLOWED\" | \"IMPLICIT_DENY\",",
                "   \"statements\": [{\"source\", \"index\", \"sid\"}]}",
                "  with \"assumed\" (a region key the line left out, as a real request carries it)",
                "  or \"note\" (why no real request looks like the line) where they apply.",
                "A line that cannot be read gives {\"line\": N, \"error\": \"...\"}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every request line was answered", "2:a policy or a request line could not be read"})
final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", required = true,
            description = "An SCP; repeat for several, which are decided as one set: a Deny in any denies, else an Allow in any allows.")
    List<Path> policies;

    @Option(names = "--requests", paramLabel = "FILE", required = true,
            description = "The requests, one JSON object per line (JSON Lines).")
    Path requests;

    @Option(names = "--partition", paramLabel = "PARTITION", defaultValue = "aws-cn",
            description = "aws-cn (default), aws or aws-us-gov.")
    String partitionId;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        // The work is in Simulation so that picocli, which reflects on this class's methods, loads no JSON classes.
        return new Simulation(new Evaluator(Options.partition(commandLine, partitionId)), commandLine.getOut(),
                commandLine.getErr()).run(policies, requests);
    }
}
