package io.github.scpauditor.cli;

import io.github.scpauditor.cli.Options.Value;
import io.github.scpauditor.eval.Evaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class SimulateCommand implements Callable<Integer> {

    private final CommandSpec spec = Options.command(this, "simulate",
            "Answers what the SCPs decide for each request line of the --requests file.",
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
            "A line that cannot be read gives {\"line\": N, \"error\": \"...\"}.");

    private final Value<List<Path>> policies = Options.repeatable(spec, Path.class, OptionSpec.builder("--policy")
            .paramLabel("FILE").required(true).description("An SCP; repeat for several, which are decided as one set:"
                    + " a Deny in any denies, else an Allow in any allows."));

    private final Value<Path> requests = Options.option(spec, Path.class, OptionSpec.builder("--requests")
            .paramLabel("FILE").required(true).description("The requests, one JSON object per line (JSON Lines)."));

    private final Value<String> partitionId = Options.partition(spec);

    SimulateCommand() {
        Options.helpAndVersion(spec);
        Options.exitCodes(spec, "0:every request line was answered", "2:a policy or a request line could not be read");
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        return new Simulation(new Evaluator(Options.partition(commandLine, partitionId.get())), commandLine.getOut(),
                commandLine.getErr()).run(policies.get(), requests.get());
    }
}
