package io.github.scpauditor.eval;

import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The one place that knows IAM's matching rules, asked by the checks and by the simulate command.
 * API CONTRACT — bodies to be implemented (evaluator helper).
 */
public final class Evaluator {

    public Evaluator(Partition partition) {
        throw new UnsupportedOperationException("TODO");
    }

    public Partition partition() {
        throw new UnsupportedOperationException("TODO");
    }

    // ---- concrete requests (simulate) ----

    /** Does this statement apply to this request (action, resource, principal, conditions)? With the reason if not. */
    public StatementMatch match(Statement statement, Request request) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The SCP decision over several policies: explicit deny wins, else allowed only where an Allow matches. */
    public Decision decide(List<SourcedPolicy> policies, Request request) {
        throw new UnsupportedOperationException("TODO");
    }

    // ---- analysis in the partition (checks) ----

    /** What one Action/NotAction entry can denote in this partition. */
    public ActionPattern action(String pattern) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether any request in the partition can match the statement; exact (UNKNOWN counts as possible). */
    public Reach reach(Statement statement) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Can the statement match some request to this service (IAM prefix) whose aws:RequestedRegion is this region? */
    public TriBool canMatch(Statement statement, String servicePrefix, String region) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The statement's aws:RequestedRegion conditions per partition region; empty if it has none. */
    public Optional<RegionRestriction> regionRestriction(Statement statement) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The partition regions a region value or pattern ("cn-*", "cn-north-1") names; empty for "us-east-1" or "cn-north1". */
    public List<String> regionsNamedBy(String regionPattern) {
        throw new UnsupportedOperationException("TODO");
    }

    /** For an ARN (or ARN pattern): empty if it is not an ARN; else whether its partition field can name this partition. */
    public Optional<Boolean> arnInPartition(String arnPattern) {
        throw new UnsupportedOperationException("TODO");
    }

    /** IAM's wildcard match: '*' any run, '?' one character; ignoreCase for actions. */
    public static boolean wildcardMatches(String pattern, String text, boolean ignoreCase) {
        throw new UnsupportedOperationException("TODO");
    }
}
