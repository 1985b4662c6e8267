package io.github.scpauditor.audit;

import io.github.scpauditor.check.Check;
import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.check.Checks;
import io.github.scpauditor.check.Findings;
import io.github.scpauditor.check.PolicyUnderAudit;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Location;
import io.github.scpauditor.policy.ParseProblem;
import io.github.scpauditor.policy.ParseResult;
import io.github.scpauditor.policy.Policy;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a policy and runs every registered check on it. Never throws on bad input: a document that
 * is not a policy yields INVALID_POLICY findings. A check that fails unexpectedly does not stop the
 * others: its failure becomes a HIGH finding under that check's id saying the policy was not audited for
 * it, so a crash can never pass for a clean result.
 */
public final class Auditor {

    private final Partition partition;
    private final CheckContext context;
    private final List<Check> checks;

    public Auditor(Partition partition, int sizeQuota) {
        this(partition, sizeQuota, Checks.all());
    }

    /** With another set of checks (tests). */
    public Auditor(Partition partition, int sizeQuota, List<Check> checks) {
        this.partition = partition;
        this.context = new CheckContext(Evaluator.of(partition), sizeQuota);
        this.checks = List.copyOf(checks);
    }

    public Partition partition() {
        return partition;
    }

    /** The findings of every check on this policy, most severe first ({@link Report#ORDER}). */
    public List<Finding> audit(PolicySource source) {
        // Findings must name their source and sort by it; a policy without text is still audited (INVALID_POLICY).
        String name = source.name() != null ? source.name() : source.id() != null ? source.id() : "(unnamed policy)";
        PolicySource readable = new PolicySource(name, source.id(), source.text() == null ? "" : source.text());
        PolicyUnderAudit policy = new PolicyUnderAudit(readable, parse(readable.text()));
        List<Finding> findings = new ArrayList<>();
        for (Check check : checks) {
            try {
                findings.addAll(check.check(policy, context));
            } catch (RuntimeException | StackOverflowError e) {
                findings.add(Findings.ofPolicy(check.info(), Severity.HIGH, check.info().category(), policy, Location.ROOT,
                        "The " + check.info().id() + " check failed on this policy (" + e.getClass().getSimpleName()
                                + ": " + e.getMessage() + "), so the policy was not audited for it.",
                        "Review the policy by hand for " + check.info().id() + " (" + check.info().summary()
                                + "), and report this failure with the policy attached."));
            }
        }
        findings.sort(Report.ORDER);
        return List.copyOf(findings);
    }

    /** The parser never throws by contract; should it, the document is reported as unreadable, not lost. */
    private static ParseResult parse(String text) {
        try {
            return PolicyParser.parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            return new ParseResult(new Policy(null, null, List.of()), List.of(new ParseProblem(
                    "the parser failed on this document (" + e.getClass().getSimpleName() + ")", Location.ROOT)));
        }
    }
}
