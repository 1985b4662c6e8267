package io.github.scpauditor.eval;

import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.Effect;
import io.github.scpauditor.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that knows IAM's matching rules, asked by the checks and by the simulate command.
 * Concrete evaluation follows IAM's steps (action, resource, principal, conditions); analysis asks the
 * same questions of symbolic requests of the partition and answers TRUE, FALSE or UNKNOWN.
 */
public final class Evaluator {
    private static final Map<Partition, Evaluator> SHARED = new ConcurrentHashMap<>();

    private final Partition partition;
    private final Analysis analysis;

    /** A new evaluator; the partition's tables are built once per process and shared by every evaluator. */
    public Evaluator(Partition partition) {
        this.partition = partition;
        this.analysis = new Analysis(PartitionFacts.of(partition));
    }

    /** The process's evaluator of this partition, made on first use: its analyses of recent statements are shared too. */
    public static Evaluator of(Partition partition) {
        return SHARED.computeIfAbsent(partition, Evaluator::new);
    }

    public Partition partition() {
        return partition;
    }

    // ---- concrete requests (simulate) ----

    /** Does this statement apply to this request (action, resource, principal, conditions)? With the reason if not. */
    public StatementMatch match(Statement statement, Request request) {
        RequestContext context = RequestContext.of(request);
        if (statement.actions() != null
                && (request.action() == null || !ActionElement.matches(statement.actions(), request.action()))) {
            return StatementMatch.noMatch(statement.actions().element(),
                    "action " + request.action() + (statement.actions().negated() ? " is excluded by " : " is not in ")
                            + statement.actions().values());
        }
        if (!ResourceMatcher.matches(statement.resources(), request.resource(), context)) {
            return StatementMatch.noMatch(statement.resources().element(),
                    "resource " + request.resource() + (statement.resources().negated() ? " is excluded by " : " is not in ")
                            + statement.resources().values());
        }
        if (!PrincipalMatcher.matches(statement.principal(), request.principalArn())) {
            return StatementMatch.noMatch(statement.principal().element(),
                    "principal " + request.principalArn() + (statement.principal().negated() ? " is excluded" : " is not named"));
        }
        for (ConditionVerdict verdict : conditions(statement, request)) {
            if (verdict.result() != TriBool.TRUE) {
                return StatementMatch.noMatch("Condition", verdict.describe());
            }
        }
        return StatementMatch.MATCHED;
    }

    /** Each condition of the statement against the request, as typed verdicts (all blocks are ANDed). */
    public List<ConditionVerdict> conditions(Statement statement, Request request) {
        RequestContext context = RequestContext.of(request);
        List<ConditionVerdict> out = new ArrayList<>(statement.conditions().size());
        for (Condition c : statement.conditions()) {
            out.add(ConditionEvaluator.evaluate(c, context));
        }
        return out;
    }

    /** The SCP decision over several policies: explicit deny wins, else allowed only where an Allow matches. */
    public Decision decide(List<SourcedPolicy> policies, Request request) {
        List<Decision.DecidingStatement> denies = new ArrayList<>();
        List<Decision.DecidingStatement> allows = new ArrayList<>();
        for (SourcedPolicy sourced : policies) {
            for (Statement s : sourced.policy().statements()) {
                if (s.effect() != null && match(s, request).matched()) {
                    Decision.DecidingStatement deciding = new Decision.DecidingStatement(sourced.source(), s.index(), s.sidText());
                    (s.effect() == Effect.DENY ? denies : allows).add(deciding);
                }
            }
        }
        if (!denies.isEmpty()) {
            return new Decision(Decision.Outcome.EXPLICIT_DENY, denies);
        }
        if (!allows.isEmpty()) {
            return new Decision(Decision.Outcome.ALLOWED, allows);
        }
        return new Decision(Decision.Outcome.IMPLICIT_DENY, List.of());
    }

    // ---- analysis in the partition (checks) ----

    /** What one Action/NotAction entry can denote in this partition. */
    public ActionPattern action(String pattern) {
        return analysis.action(pattern);
    }

    /** Whether any request in the partition can match the statement; exact (UNKNOWN counts as possible). */
    public Reach reach(Statement statement) {
        return analysis.reach(statement);
    }

    /**
     * Can the statement match some request sent to this service (IAM prefix) whose aws:RequestedRegion is this region?
     * An action checked inside another service's request, such as iam:PassRole, is that service's request, not one to
     * IAM's endpoint: it carries the region of the call that passes the role.
     */
    public TriBool canMatch(Statement statement, String servicePrefix, String region) {
        return analysis.canMatch(statement, servicePrefix, region);
    }

    /**
     * One condition of the statement on the requests of the partition it can match whose aws:RequestedRegion is
     * {@code region}: e.g. an ArnNotLike naming only arn:aws: ARNs is TRUE with basis VALUES_NEVER_IN_PARTITION (it
     * exempts nobody); StringNotEquals ec2:Region "eu-central-1" on EC2 actions is TRUE in every region here.
     */
    public ConditionVerdict conditionInPartition(Statement statement, Condition condition, String region) {
        return analysis.symbolic(statement, condition, region);
    }

    /**
     * The statement's region conditions: those on aws:RequestedRegion, and on a service key that carries the same
     * region for every action the statement names (ec2:Region on EC2 actions, s3:LocationConstraint on
     * s3:CreateBucket, where a request may omit it).
     */
    public List<Condition> regionConditions(Statement statement) {
        return analysis.regionConditions(statement);
    }

    /**
     * The aws:RequestedRegion every request for this action ("iam:CreateRole") carries in the partition: its global
     * service's signing region. Empty where the caller chooses the region: regional services, and iam:PassRole, which
     * the service a role is passed to checks in the region of its own call.
     */
    public Optional<String> requestedRegionCarriedBy(String action) {
        return analysis.requestedRegionCarriedBy(action);
    }

    /** Whether this condition of the statement is one of its {@link #regionConditions}. */
    public boolean isRegionCondition(Statement statement, Condition condition) {
        return analysis.carriesRegion(statement, condition);
    }

    /**
     * The service condition keys besides aws:RequestedRegion whose value in every request for this action is the
     * request's region ("ec2:Region" for "ec2:RunInstances"); empty for most actions.
     */
    public List<String> regionKeysCarriedBy(String action) {
        return RegionKeys.alwaysCarriedBy(action);
    }

    /** The statement's region conditions together, per partition region; empty if it has none. */
    public Optional<RegionRestriction> regionRestriction(Statement statement) {
        return analysis.regionRestriction(statement);
    }

    /**
     * What one value of a region condition ({@link #regionConditions}) names: the regions a request here can carry
     * that it matches as the condition's operator compares (StringEquals and StringLike case-sensitively, wildcards
     * only for the Like operators), and those it would match written in lower case. Empty for Null, which tests
     * presence, and for a value with a policy variable, which could be any region.
     */
    public Optional<NamedRegions> regionsNamedBy(Condition regionCondition, String value) {
        return analysis.regionsNamedBy(regionCondition, value);
    }

    /**
     * The same for the region field of an ARN in Resource or NotResource, compared per ARN part and
     * case-sensitively as IAM does; empty where that field decides nothing (none, an empty one, a variable in it).
     */
    public Optional<NamedRegions> regionsNamedByResource(String arn) {
        return analysis.regionsNamedByResource(arn);
    }

    /**
     * The same for an ARN value of a condition, compared as the condition compares ARNs (Arn operators per
     * part; string operators on ARN-valued keys as whole strings, where a wildcard or variable in or before the
     * region field could shift it); empty also when the condition does not compare ARNs.
     */
    public Optional<NamedRegions> regionsNamedByArnValue(Condition condition, String arn) {
        return analysis.regionsNamedByArnValue(condition, arn);
    }

    /**
     * Whether a Resource or NotResource ARN pattern names no resource because it has a region field where every
     * resource type of its service it could name has none ("arn:aws-cn:s3:cn-north-1::logs": S3 bucket ARNs have an
     * empty region field). True only when certain: a wildcard or variable in the service or region field, or a service
     * or resource the ARN formats do not know, answers false. The partition field is not looked at.
     */
    public boolean regionFieldNamesNothing(String arnPattern) {
        return analysis.arns().regionFieldNamesNothing(arnPattern);
    }

    /**
     * The same for an ARN value of a condition, compared as the condition compares ARNs: "ArnLike aws:PrincipalArn
     * arn:aws-cn:iam:cn-north-1:*:role/x" matches no principal. False also on keys not known to hold ARNs of resources
     * or principals (aws:PrincipalArn and aws:SourceArn are), and under the IgnoreCase operators.
     */
    public boolean regionFieldNamesNothing(Condition condition, String arnValue) {
        return analysis.regionFieldNamesNothing(condition, arnValue);
    }

    /** For an ARN (or ARN pattern): empty if it is not an ARN; else whether its partition field can name this partition. */
    public Optional<Boolean> arnInPartition(String arnPattern) {
        return analysis.arns().partitionFieldCanName(arnPattern);
    }

    /**
     * For a condition value compared by this operator: empty if it is not an ARN; else whether it can equal an
     * ARN of this partition. StringEquals and its kin take '*' and '?' as written, so "arn:*:…" equals no ARN.
     */
    public Optional<Boolean> arnInPartition(String value, ConditionOperator operator) {
        Optional<Boolean> asPattern = arnInPartition(value);
        if (asPattern.isEmpty() || operator.family() != ConditionOperator.Family.STRING
                || operator.takesWildcards() || PolicyVariables.hasVariablesInFirstFields(value, Arns.PARTITION + 1)) {
            return asPattern;
        }
        // Compared as written: the partition field must be the partition's name (in any case for IgnoreCase).
        String field = Arns.field(value, Arns.PARTITION);
        return Optional.of(field == null || StringCondition.matches(operator, partition.id(), Glob.of(field)));
    }

    /**
     * Whether {@code pattern} matches every value {@code named} matches, both values of one Resource or NotResource
     * ({@code operator} null) or of one condition compared by {@code operator}: under ArnLike
     * "arn:aws-cn:iam::*:role/*" covers "arn:aws-cn:iam::111122223333:role/Admin"; under StringEquals only the same
     * value does. Sound, not complete: false where it cannot tell, as with a policy variable in either.
     */
    public boolean covers(String pattern, String named, ConditionOperator operator) {
        if (pattern.equals(named)) {
            return true; // the same text, variables included, matches the same values
        }
        if (PolicyVariables.hasVariables(pattern) || PolicyVariables.hasVariables(named)) {
            return false;
        }
        if (operator == null || operator.family() == ConditionOperator.Family.ARN) {
            return Arns.covers(pattern, named);
        }
        if (operator.family() != ConditionOperator.Family.STRING) {
            return false;
        }
        if (operator.takesWildcards()) {
            return Glob.of(pattern).covers(Glob.of(named));
        }
        return StringCondition.ignoresCase(operator) && pattern.equalsIgnoreCase(named);
    }

    /** IAM's wildcard match: '*' any run, '?' one character; ignoreCase for actions. */
    public static boolean wildcardMatches(String pattern, String text, boolean ignoreCase) {
        return Glob.of(pattern).matches(text, ignoreCase);
    }
}
