package io.github.scpauditor.cli;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.cli.Options.Value;
import io.github.scpauditor.org.OrgAuditor;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.JsonRenderer;
import io.github.scpauditor.report.Renderer;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.SarifRenderer;
import io.github.scpauditor.report.Severity;
import io.github.scpauditor.report.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class AuditCommand implements Callable<Integer> {

    static final String INVALID_POLICY = "INVALID_POLICY";
    static final String LIVE_SOURCE = "organisation (live)";

    enum Format { TEXT, JSON, SARIF }

    private final CommandSpec spec = Options.command(this, "audit",
            "Audits policy files, folders of them (recursively, *.json) and organisation snapshots.",
            "With no PATH and no --live, audits the example organisation shipped in the jar.");

    private final Value<String> partitionId = Options.partition(spec);

    private final Value<Format> format = Options.option(spec, Format.class, OptionSpec.builder("--format")
            .paramLabel("FORMAT").defaultValue("text").description("text (default), json or sarif."));

    private final Value<Severity> failOn = Options.option(spec, Severity.class, OptionSpec.builder("--fail-on")
            .paramLabel("SEVERITY").defaultValue("HIGH").description("Exit 1 when a finding is at or above this"
                    + " severity: CRITICAL, HIGH (default), MEDIUM, LOW, INFO."));

    private final Value<Severity> minSeverity = Options.option(spec, Severity.class,
            OptionSpec.builder("--min-severity").paramLabel("SEVERITY").defaultValue("INFO")
            .description("Leave findings below this severity out of the report (default INFO: show all)."
                    + " They still count for --fail-on; their number is printed on stderr."));

    private final Value<Integer> sizeQuota = Options.option(spec, int.class, OptionSpec.builder("--size-quota")
            .paramLabel("CHARS").defaultValue("" + CheckContext.DEFAULT_SIZE_QUOTA)
            .description("The SCP size quota in characters (default ${DEFAULT-VALUE})."));

    private final Value<Boolean> live = Options.flag(spec, OptionSpec.builder("--live")
            .description("Read the organisation through the AWS API (standard SDK configuration:"
                    + " AWS_REGION, default credentials, AWS_ENDPOINT_URL)."));

    private final Value<Path> snapshotOut = Options.option(spec, Path.class, OptionSpec.builder("--snapshot-out")
            .paramLabel("FILE")
            .description("With --live: save the organisation as read to FILE (audit it again later as a PATH)."));

    private final Value<List<String>> paths = Options.positionals(spec, String.class, PositionalParamSpec.builder()
            .paramLabel("PATH").arity("0..*")
            .description("Policy file, folder of policy files, or organisation snapshot (JSON)."));

    AuditCommand() {
        Options.helpAndVersion(spec);
        Options.exitCodes(spec,
                "0:nothing at or above --fail-on",
                "1:findings at or above --fail-on",
                "2:an input could not be read or parsed (the others are still audited), or a usage error",
                "3:internal error (a bug: please report it)");
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Partition partition = Options.partition(commandLine, partitionId.get());
        int quota = Options.positive(commandLine, "--size-quota", sizeQuota.get());
        if (snapshotOut.get() != null && !live.get()) {
            throw new CommandLine.ParameterException(commandLine, "--snapshot-out saves what --live read; add --live");
        }
        List<Inputs.Input> inputs = paths.get().isEmpty() && !live.get() ? Inputs.example() : Inputs.load(paths.get());

        Run run = new Run(new Auditor(partition, quota));
        run.add(inputs);
        if (live.get()) {
            run.live(snapshotOut.get());
        }
        Report full = run.report(partition.id());

        Severity shownFrom = minSeverity.get();
        List<Finding> shown = full.findings().stream().filter(f -> f.severity().atLeast(shownFrom)).toList();
        Report report = Report.of(full.partition(), full.summary().policies(), shown, full.errors(), full.incomplete());
        commandLine.getOut().print(renderer(run.artifacts).render(report));
        int hidden = full.findings().size() - shown.size();
        if (hidden > 0) {
            commandLine.getErr().println("scp-auditor: " + hidden + " finding(s) below " + shownFrom
                    + " not shown (--min-severity)");
        }
        return exitCode(full, failOn.get());
    }

    /** 2 when an input was not read or not parsed (wins over 1), 1 when a finding reaches failOn, else 0. */
    static int exitCode(Report report, Severity failOn) {
        if (!report.errors().isEmpty() || report.findings().stream().anyMatch(f -> f.checkId().equals(INVALID_POLICY))) {
            return Main.INPUT_ERROR;
        }
        return report.findings().stream().anyMatch(f -> f.severity().atLeast(failOn)) ? Main.FINDINGS : Main.CLEAN;
    }

    private Renderer renderer(Map<String, String> artifacts) {
        return switch (format.get()) {
            case TEXT -> new TextRenderer();
            case JSON -> new JsonRenderer();
            case SARIF -> new SarifRenderer(RuleCatalogue.rules(), source -> relative(artifacts.getOrDefault(source, source)));
        };
    }

    /** SARIF consumers (GitHub) want paths relative to the checkout: an absolute path under the working folder is made so. */
    static String relative(String artifact) {
        try {
            Path path = Path.of(artifact).normalize();
            Path workingFolder = Path.of("").toAbsolutePath();
            if (!path.isAbsolute()) {
                return path.toString(); // "./policies/x.json" (PATH ".") is "policies/x.json" in the checkout
            }
            return path.startsWith(workingFolder) ? workingFolder.relativize(path).toString() : artifact;
        } catch (InvalidPathException e) {
            return artifact;
        }
    }

    /** One audit run over every input: findings, errors, and which file each source came from (for SARIF). */
    static final class Run {
        private final Auditor auditor;
        private final List<Finding> findings = new ArrayList<>();
        private final List<InputError> errors = new ArrayList<>();
        private final Map<String, String> artifacts = new HashMap<>();
        private int policies;
        private Report.Incomplete incomplete;

        Run(Auditor auditor) {
            this.auditor = auditor;
        }

        void add(List<Inputs.Input> inputs) {
            for (Inputs.Input input : inputs) {
                if (input instanceof Inputs.Input.Unusable unusable) {
                    errors.add(unusable.error());
                } else if (input instanceof Inputs.Input.Policy policy) {
                    List<Finding> found = auditor.audit(policy.source());
                    findings.addAll(found);
                    policies++;
                    notParsed(policy.source().label(), found);
                } else if (input instanceof Inputs.Input.Snapshot snapshot) {
                    try {
                        add(snapshot.source(), snapshot.snapshot(), List.of(), null);
                    } catch (RuntimeException e) {
                        // A snapshot the organisation audit cannot take (inconsistent ids, missing parts) is one bad input.
                        errors.add(new InputError(snapshot.source(), "cannot audit this snapshot: " + Inputs.describe(e)));
                    }
                }
            }
        }

        void live(Path snapshotOut) {
            LiveOrganization.Result read = LiveOrganization.read();
            if (read.error() != null) {
                errors.add(new InputError(LIVE_SOURCE, read.error()));
                return;
            }
            if (snapshotOut != null) {
                try {
                    Files.writeString(snapshotOut, read.snapshotJson(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    errors.add(new InputError(snapshotOut.toString(), "cannot save the snapshot: " + Inputs.describe(e)));
                }
            }
            add(LIVE_SOURCE, read.snapshot(), read.errors(), read.incomplete());
        }

        private void add(String source, OrgSnapshot snapshot, List<InputError> readErrors,
                Report.Incomplete readIncomplete) {
            Report report = new OrgAuditor(auditor).audit(snapshot, readErrors, readIncomplete);
            findings.addAll(report.findings());
            errors.addAll(report.errors());
            policies += report.summary().policies();
            if (report.incomplete() != null) {
                incomplete = report.incomplete();
            }
            Set<String> labels = new LinkedHashSet<>();
            for (OrgSnapshot.Scp scp : snapshot.policies()) {
                labels.add(new PolicySource(scp.name(), scp.id(), scp.content()).label());
            }
            for (Finding f : report.findings()) {
                labels.add(f.source());
            }
            labels.forEach(label -> artifacts.put(label, source));
            readErrors.forEach(error -> artifacts.put(error.source(), source));
            Map<String, List<Finding>> bySource = new HashMap<>();
            report.findings().forEach(f -> bySource.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(f));
            for (String label : labels) {
                notParsed(label, bySource.getOrDefault(label, List.of()));
            }
        }

        /** A policy the parser rejected is an input that was not parsed: it is listed as an error too. */
        private void notParsed(String source, List<Finding> found) {
            List<Finding> invalid = found.stream().filter(f -> f.checkId().equals(INVALID_POLICY)).toList();
            if (!invalid.isEmpty()) {
                Finding first = invalid.get(0);
                errors.add(new InputError(source, "not a valid policy"
                        + (invalid.size() == 1 ? "" : " (" + invalid.size() + " problems, see the INVALID_POLICY findings)")
                        + ": " + first.message() + (first.line() == null ? "" : " (line " + first.line() + ")")));
            }
        }

        Report report(String partition) {
            return Report.of(partition, policies, findings, errors, incomplete);
        }
    }
}
