package io.github.scpauditor.check;

import io.github.scpauditor.eval.ArnFields;
import io.github.scpauditor.eval.DeadReason;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.NamedRegions;
import io.github.scpauditor.eval.Reach;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.Location;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Statements that match no request in the partition, as the evaluator proves them (never a guess).
 * MEDIUM for a Deny (a guardrail the organisation believes it has), LOW for an Allow. A region-deny whose
 * allow-list holds every region of the partition is not reported: it keeps out what cannot happen here. Nor is
 * such a list told to change when the statement is dead for another reason (an arn:aws: resource).
 */
public final class DeadStatementCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("DEAD_STATEMENT", Severity.MEDIUM, Category.PARTITION,
            "A statement that matches no request in the partition");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        Evaluator evaluator = context.evaluator();
        Partition partition = evaluator.partition();
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.parsed().policy().statements()) {
            Reach reach = evaluator.reach(statement);
            List<DeadReason> reasons = reasons(statement, reach);
            if (reasons.isEmpty()) {
                continue;
            }
            boolean deny = Wording.isDeny(statement);
            // Region conditions that each hold somewhere but never together: each alone is no reason, their sum is.
            List<DeadReason.NoRegionSatisfies> together = reasons.stream()
                    .filter(r -> r instanceof DeadReason.NoRegionSatisfies n && !n.holdsIn().isEmpty())
                    .map(DeadReason.NoRegionSatisfies.class::cast).toList();
            Set<String> why = new LinkedHashSet<>();
            Set<String> fixes = new LinkedHashSet<>();
            if (!together.isEmpty()) {
                why.add(neverTogether(together));
                String keys = together.stream().map(DeadReason.NoRegionSatisfies::key).distinct()
                        .collect(Collectors.joining(" and "));
                fixes.add(deny
                        ? "Delete the statement. If it is meant to deny in some regions, replace its " + keys
                                + " conditions with one naming them: it will deny there everything the statement matches."
                        : "Replace its " + keys + " conditions with one naming the regions it is meant to"
                                + " allow in, or delete the statement.");
            }
            for (DeadReason reason : reasons) {
                if (!together.contains(reason)) {
                    why.add(explain(reason, statement, evaluator));
                }
            }
            // No rewrite of its resources or conditions can govern a service that is not here: only that fix counts.
            List<DeadReason> absentServices = reasons.stream()
                    .filter(DeadReason.ServicesUnavailable.class::isInstance).toList();
            for (DeadReason reason : absentServices.isEmpty() ? reasons : absentServices) {
                if (!together.contains(reason)) {
                    fixes.add(fix(reason, statement, evaluator));
                }
            }
            String message = "This " + statement.effect().json() + " statement matches no request in " + partition.id()
                    + ": " + String.join("; ", why) + "."
                    + (deny ? " The guardrail it stands for does not exist here." : " It allows nothing here.");
            String remediation = String.join(" ", fixes);
            Category category = category(statement, reasons, evaluator);
            findings.add(Findings.at(INFO, deny ? Severity.MEDIUM : Severity.LOW, category,
                    policy, statement, element(statement, reasons.get(0)), message, remediation));
        }
        return findings;
    }

    /** Whether this check reports the statement: other checks leave such a statement's parts to it. */
    static boolean reports(Statement statement, Reach reach) {
        return !reasons(statement, reach).isEmpty();
    }

    /**
     * The reasons the statement is dead, less its region conditions when all that fail are allow-lists
     * (StringNotEquals, StringNotLike… on aws:RequestedRegion): together they name every region its requests can
     * carry, so they deny nothing here by design, what they keep out cannot happen in this partition (typically a
     * policy shared with other partitions). Empty when the statement is alive or such lists are all that keeps it
     * from matching.
     */
    private static List<DeadReason> reasons(Statement statement, Reach reach) {
        if (!reach.dead()) {
            return List.of();
        }
        boolean allowListsOnly = reach.reasons().stream()
                .allMatch(r -> !(r instanceof DeadReason.NoRegionSatisfies n) || isAllowList(statement, n));
        return !allowListsOnly ? reach.reasons()
                : reach.reasons().stream().filter(r -> !(r instanceof DeadReason.NoRegionSatisfies)).toList();
    }

    /** Whether the region condition lists the regions to keep (StringNotEquals…) rather than those to match. */
    private static boolean isAllowList(Statement statement, DeadReason.NoRegionSatisfies r) {
        return condition(statement, r).filter(c -> c.operator().negated()).isPresent();
    }

    /** The statement's condition a reason is about (a reason names its operator and key as written). */
    private static Optional<Condition> condition(Statement statement, DeadReason.OfCondition reason) {
        return statement.conditions().stream()
                .filter(c -> c.key().equalsIgnoreCase(reason.key()) && c.operatorText().equalsIgnoreCase(reason.operator()))
                .findFirst();
    }

    /** Which ARN field keeps a statement's resources out of the partition, when it is the same for all of them. */
    private enum ResourceFault { PARTITION, REGION, OTHER }

    private static ResourceFault fault(List<String> resources, Evaluator evaluator) {
        if (resources.stream().allMatch(r -> evaluator.arnInPartition(r).equals(Optional.of(false)))) {
            return ResourceFault.PARTITION;
        }
        boolean regions = resources.stream().allMatch(r -> evaluator.regionsNamedByResource(r)
                .map(named -> named.regions().isEmpty()).orElse(false));
        return regions ? ResourceFault.REGION : ResourceFault.OTHER;
    }

    /** "its aws:RequestedRegion conditions never hold together: StringEquals … holds only in cn-north-1, …". */
    private static String neverTogether(List<DeadReason.NoRegionSatisfies> conditions) {
        List<String> each = new ArrayList<>();
        for (DeadReason.NoRegionSatisfies r : conditions) {
            each.add(r.operator() + " " + r.key() + " " + Wording.quoted(r.values()) + (each.isEmpty() ? " holds" : "")
                    + " only in " + String.join(", ", r.holdsIn()));
        }
        return "its " + conditions.stream().map(DeadReason.NoRegionSatisfies::key).distinct()
                .collect(Collectors.joining(" and ")) + " conditions never hold together: " + String.join(", ", each);
    }

    private static String explain(DeadReason reason, Statement statement, Evaluator evaluator) {
        Partition partition = evaluator.partition();
        if (reason instanceof DeadReason.ServicesUnavailable r) {
            return "every service its Action names (" + Wording.services(partition, r.services()) + ") is not offered in "
                    + partition.id();
        }
        if (reason instanceof DeadReason.NotActionExcludesAll r) {
            return "its NotAction exempts every action of every service " + partition.id() + " offers"
                    + (r.unavailableLeft().isEmpty() ? ""
                            : "; what it leaves (" + Wording.services(partition, r.unavailableLeft())
                                    + ") is not offered in " + partition.id());
        }
        if (reason instanceof DeadReason.ResourcesNeverMatch r) {
            if (statement.resources() != null && statement.resources().negated()) {
                return "its NotResource " + Wording.quoted(r.resources()) + " exempts every resource";
            }
            String none = "none of its resources " + Wording.quoted(r.resources()) + " can name an " + partition.id() + " resource";
            return switch (fault(r.resources(), evaluator)) {
                case PARTITION -> none + " (" + partition.id() + " ARNs start with arn:" + partition.id() + ":"
                        + (regionsForeign(r.resources(), evaluator::regionsNamedByResource, partition)
                                ? ", and their region fields name no region of " + partition.id() + " either" : "")
                        + ")";
                case REGION -> none + " (their region fields name no region of " + partition.id() + ", and "
                        + Wording.regionsOf(partition) + ")";
                case OTHER -> none;
            };
        }
        if (reason instanceof DeadReason.RegionInRegionlessArns r) {
            boolean one = r.resources().size() == 1;
            return "its Resource " + (one ? "value " : "values ") + Wording.quoted(r.resources())
                    + (one ? " names region " : " name region ") + regionsOf(r.resources()) + ", but the "
                    + servicesOf(r.resources(), partition) + " resources " + (one ? "it" : "they")
                    + " would name have no region in their ARNs (an empty region field, as in "
                    + Wording.quote(ArnFields.of(r.resources().get(0)).orElseThrow().withRegion("")) + "), so "
                    + (one ? "it names" : "they name") + " none";
        }
        if (reason instanceof DeadReason.NoRegionSatisfies r && r.operator().equalsIgnoreCase("Null")) {
            return everyRequest(r) + " in " + partition.id() + " carries " + r.key() + ", so Null " + r.key() + " "
                    + Wording.quoted(r.values()) + " never holds";
        }
        if (reason instanceof DeadReason.NoRegionSatisfies r && onlyGlobal(r, partition)) {
            List<String> named = globalServicesNamed(statement, evaluator);
            String whose = named.size() == 1
                    ? Wording.service(partition, named.get(0)) + ", a global service whose requests carry "
                    : "global services" + (named.isEmpty() ? "" : " (" + Wording.services(partition, named) + ")")
                            + ", whose requests carry ";
            return "its actions are of " + whose + r.key() + " " + String.join(" or ", r.requestRegions())
                    + " only (the region they are signed for), and " + r.operator() + " " + r.key() + " "
                    + Wording.quoted(r.values()) + " does not hold there";
        }
        if (reason instanceof DeadReason.NoRegionSatisfies r) {
            return "no region satisfies " + r.operator() + " " + r.key() + " " + Wording.quoted(r.values()) + ", and "
                    + Wording.regionsOf(partition);
        }
        if (reason instanceof DeadReason.KeyNeverPresent r) {
            return "its " + r.operator() + " condition needs " + r.key() + ", which no request in " + partition.id()
                    + " carries";
        }
        if (reason instanceof DeadReason.ConditionNeverTrue r && regionless(statement, r, evaluator)) {
            String first = Wording.withoutRegionWhereNone(evaluator, condition(statement, r).orElseThrow(),
                    r.values().get(0)).orElseThrow();
            boolean one = r.values().size() == 1;
            return "no request in " + partition.id() + " satisfies " + r.operator() + " " + r.key() + " "
                    + Wording.quoted(r.values()) + ", as " + (one ? "it names region " : "they name region ")
                    + regionsOf(r.values()) + " where the " + servicesOf(r.values(), partition) + " ARNs "
                    + (one ? "it" : "they") + " would match have none (an empty region field, as in "
                    + Wording.quote(first) + ")" + (allInPartition(r.values(), evaluator) ? ""
                            : ", and " + partition.id() + " ARNs start with arn:" + partition.id() + ":");
        }
        if (reason instanceof DeadReason.ConditionNeverTrue r) {
            return "no request in " + partition.id() + " satisfies " + r.operator() + " " + r.key() + " "
                    + Wording.quoted(r.values()) + (!foreignRegions(statement, r, evaluator) ? ""
                            : allInPartition(r.values(), evaluator)
                            ? " (their region fields name no region of " + partition.id() + ", and "
                                    + Wording.regionsOf(partition) + ")"
                            : " (" + partition.id() + " ARNs start with arn:" + partition.id() + ":, and their region"
                                    + " fields name no region of " + partition.id() + " either)");
        }
        if (reason instanceof DeadReason.WildcardsTakenLiterally r) {
            return r.operator() + " compares the * and ? of " + Wording.quoted(r.values()) + " as written, and no "
                    + r.key() + " contains them (account IDs and IAM names cannot), so the condition never holds";
        }
        return "the evaluator proves it (" + reason + ")"; // a reason this check does not word yet
    }

    private static String fix(DeadReason reason, Statement statement, Evaluator evaluator) {
        Partition partition = evaluator.partition();
        if (reason instanceof DeadReason.ServicesUnavailable) {
            return "Delete the statement, or name the " + partition.id() + " service it was meant to govern.";
        }
        if (reason instanceof DeadReason.NotActionExcludesAll) {
            return "Narrow NotAction to the actions you mean to exempt, or delete the statement.";
        }
        if (reason instanceof DeadReason.ResourcesNeverMatch && statement.resources() != null
                && statement.resources().negated()) {
            return "Exempt only the resources you mean to spare, or delete the statement.";
        }
        if (reason instanceof DeadReason.ResourcesNeverMatch r) {
            if (fault(r.resources(), evaluator) != ResourceFault.OTHER && regionless(r.resources(), null, evaluator)) {
                // "arn:aws:s3:us-east-1::logs" with an aws-cn region would still name nothing: S3 buckets have none.
                return "Write " + withoutRegion(r.resources(), null, evaluator) + ", with the region field empty.";
            }
            return switch (fault(r.resources(), evaluator)) {
                // "arn:aws:ec2:us-east-1:…" as arn:aws-cn: or arn:*: would still name no resource here: the region too.
                case PARTITION -> regionsForeign(r.resources(), evaluator::regionsNamedByResource, partition)
                        ? "Write its resources as arn:" + partition.id() + ":… ARNs with " + anyRegion(partition)
                                + " in the region field, or delete the statement."
                        : "Write its resources as arn:" + partition.id() + ":… (or arn:*:… to serve every partition).";
                case REGION -> "Write " + anyRegion(partition) + " in the region field of its resources, or delete the statement.";
                case OTHER -> "Write its resources as ARNs of " + partition.id() + " resources, or delete the statement.";
            };
        }
        if (reason instanceof DeadReason.RegionInRegionlessArns r) {
            return "Write " + withoutRegion(r.resources(), null, evaluator) + ", with the region field empty.";
        }
        boolean deny = Wording.isDeny(statement);
        if (reason instanceof DeadReason.NoRegionSatisfies r && r.operator().equalsIgnoreCase("Null")) {
            return "Delete the statement: " + everyRequest(r) + " carries " + r.key() + ".";
        }
        if (reason instanceof DeadReason.NoRegionSatisfies r && onlyGlobal(r, partition)) {
            String always = String.join(" or ", r.requestRegions());
            return deny && !isAllowList(statement, r)
                    // Removing the condition is the only way to deny them, and it denies them everywhere: say so.
                    ? "Delete the statement: requests for its actions always carry " + r.key() + " " + always
                            + ", so no region condition can confine this Deny to other regions. To deny these actions"
                            + " everywhere instead, remove the " + r.key() + " condition."
                    : "Requests for its actions always carry " + r.key() + " " + always + ": rewrite the condition so "
                            + always + " satisfies it, or delete the statement.";
        }
        if (reason instanceof DeadReason.NoRegionSatisfies r && deny && !isAllowList(statement, r)) {
            // Naming a region of the partition in a deny-list would deny everything the statement matches there.
            return "Delete the statement: it denies requests in regions " + partition.id() + " does not have. Name an "
                    + partition.id() + " region in its " + r.key() + " condition only if you mean to deny there"
                    + " everything the statement matches.";
        }
        if (reason instanceof DeadReason.NoRegionSatisfies r) {
            return "Name " + partition.id() + " regions" + Wording.listedRegions(partition, partition.regions(), ", ")
                    + " in the " + r.key() + " condition, or delete the statement.";
        }
        if (reason instanceof DeadReason.KeyNeverPresent r) {
            return "Delete the statement. Removing only the condition on " + r.key() + " would make the "
                    + statement.effect().json() + " apply to every request its actions and resources match"
                    + (deny ? ": do that only if that is the guardrail you want." : ".");
        }
        if (reason instanceof DeadReason.WildcardsTakenLiterally r) {
            return "Write " + likeOperator(statement, r) + " instead of " + r.operator()
                    + ", so that * and ? match as wildcards"
                    + (deny ? ": that is the guardrail the values describe." : ".");
        }
        if (reason instanceof DeadReason.ConditionNeverTrue r && regionless(statement, r, evaluator)) {
            String like = underLike(statement, r);
            return "Write " + withoutRegion(r.values(), condition(statement, r).orElseThrow(), evaluator) + " in the "
                    + r.key() + " condition, with the region field empty" + (like.isEmpty() ? "" : "," + like) + ".";
        }
        if (reason instanceof DeadReason.ConditionNeverTrue r && foreignRegions(statement, r, evaluator)) {
            return (allInPartition(r.values(), evaluator)
                    ? "Write " + anyRegion(partition) + " in the region field of its " + r.key() + " values"
                    : "Write its " + r.key() + " values as arn:" + partition.id() + ":… ARNs with " + anyRegion(partition)
                            + " in the region field")
                    + ", or delete the statement.";
        }
        if (reason instanceof DeadReason.ConditionNeverTrue r) {
            // arn:*: is a pattern only where the operator takes wildcards; StringEquals would compare it as written.
            boolean wildcards = takesWildcards(statement, r);
            return "Rewrite the values of the " + r.key() + " condition for " + partition.id()
                    + " (arn:" + partition.id() + ":…" + (wildcards ? " or arn:*:…" : "") + " ARNs)"
                    + underLike(statement, r) + ", or delete the statement.";
        }
        return "Delete the statement, or rewrite it for " + partition.id() + ".";
    }

    /**
     * Whether every value of the condition is an ARN whose region field names no region of this partition, in its
     * form for the partition too ("arn:aws-cn:ec2:us-east-1:…", "arn:aws:ec2:us-east-1:…"): the region is to rewrite.
     * Only under an operator that takes wildcards, where "or *" in the region field is a fix (StringEquals would
     * compare the * as written).
     */
    private static boolean foreignRegions(Statement statement, DeadReason.ConditionNeverTrue r, Evaluator evaluator) {
        return condition(statement, r).filter(c -> c.operator().takesWildcards())
                .map(c -> regionsForeign(r.values(), v -> evaluator.regionsNamedByArnValue(c, v), evaluator.partition()))
                .orElse(false);
    }

    /** Whether each ARN, written for the partition, still names no region of it in its region field. */
    private static boolean regionsForeign(List<String> arns, Function<String, Optional<NamedRegions>> regionsNamed,
            Partition partition) {
        return arns.stream().allMatch(arn -> ArnFields.of(arn).isPresent()
                && regionsNamed.apply(Wording.withPartition(arn, partition.id())).map(n -> n.regions().isEmpty()).orElse(false));
    }

    /** Rewritten, "arn:aws-cn:iam::*:root" under StringEquals would still equal nothing: the Like operator to use. */
    private static String underLike(Statement statement, DeadReason.ConditionNeverTrue r) {
        return takesWildcards(statement, r) || r.values().stream().noneMatch(v -> v.contains("*") || v.contains("?")) ? ""
                : " under " + likeOperator(statement, r) + ", as " + r.operator() + " takes * and ? as written";
    }

    /**
     * Whether each ARN, of Resource ({@code condition} null) or of the condition, has a region field where its
     * resource type has none: to be emptied, not rewritten.
     */
    private static boolean regionless(List<String> arns, Condition condition, Evaluator evaluator) {
        return arns.stream().allMatch(arn -> Wording.withoutRegionWhereNone(evaluator, condition, arn).isPresent());
    }

    /** "\"arn:aws-cn:s3:::logs\" and \"arn:aws-cn:s3:::logs/*\"": the ARNs here, region field empty. */
    private static String withoutRegion(List<String> arns, Condition condition, Evaluator evaluator) {
        return arns.stream().map(arn -> Wording.withoutRegionWhereNone(evaluator, condition, arn).orElseThrow())
                .map(Wording::quote).collect(Collectors.joining(" and "));
    }

    /** Whether each value of the condition a reason is about has a region where its resource type has none. */
    private static boolean regionless(Statement statement, DeadReason.ConditionNeverTrue r, Evaluator evaluator) {
        return condition(statement, r).filter(c -> regionless(r.values(), c, evaluator)).isPresent();
    }

    private static boolean allInPartition(List<String> arns, Evaluator evaluator) {
        return arns.stream().allMatch(arn -> evaluator.arnInPartition(arn).orElse(false));
    }

    /** "cn-north-1, cn-northwest-1": the region fields of these ARNs, each once. */
    private static String regionsOf(List<String> arns) {
        return arns.stream().map(ArnFields::of).flatMap(Optional::stream).map(ArnFields::region).distinct()
                .collect(Collectors.joining(", "));
    }

    /** "Amazon S3 (s3)": the services of these ARNs, each once. */
    private static String servicesOf(List<String> arns, Partition partition) {
        return Wording.services(partition, arns.stream().map(ArnFields::of).flatMap(Optional::stream)
                .map(ArnFields::service).distinct().toList());
    }

    /** "an aws-cn region (cn-north-1, cn-northwest-1) or *": what a region field must hold to name something here. */
    private static String anyRegion(Partition partition) {
        return "an " + partition.id() + " region" + Wording.listedRegions(partition, partition.regions(), ", ") + " or *";
    }

    /** Whether the condition a reason is about takes * and ? as wildcards (StringEquals takes them as written). */
    private static boolean takesWildcards(Statement statement, DeadReason.OfCondition r) {
        return condition(statement, r).filter(c -> c.operator().takesWildcards()).isPresent();
    }

    /** The Like operator for the statement's condition a reason is about, qualifiers kept. */
    private static String likeOperator(Statement statement, DeadReason.OfCondition reason) {
        return condition(statement, reason).map(Wording::likeOperator).orElse("StringLike");
    }

    /** "every request", or for a service's key (ec2:Region on EC2 actions) "every request for its actions". */
    private static String everyRequest(DeadReason.NoRegionSatisfies r) {
        return "every request" + (r.key().toLowerCase(Locale.ROOT).startsWith("aws:") ? "" : " for its actions");
    }

    /** Whether the statement's requests can carry only global services' signing regions, not every region. */
    private static boolean onlyGlobal(DeadReason.NoRegionSatisfies r, Partition partition) {
        return !r.requestRegions().containsAll(partition.regions());
    }

    /** The offered global services the Action entries name (none for NotAction), to say whose requests those are. */
    private static List<String> globalServicesNamed(Statement statement, Evaluator evaluator) {
        Set<String> named = new LinkedHashSet<>();
        if (!statement.actions().negated()) {
            for (Value entry : statement.actions().values()) {
                for (var service : evaluator.action(entry.text()).services()) {
                    if (service.availability() != Availability.NO
                            && evaluator.partition().signingRegion(service.prefix()).isPresent()) {
                        named.add(service.prefix());
                    }
                }
            }
        }
        return List.copyOf(named);
    }

    /** The element the first reason is about: where the user has to look. */
    private static Location element(Statement statement, DeadReason reason) {
        if (reason instanceof DeadReason.ServicesUnavailable || reason instanceof DeadReason.NotActionExcludesAll) {
            return statement.actions().location();
        }
        if ((reason instanceof DeadReason.ResourcesNeverMatch || reason instanceof DeadReason.RegionInRegionlessArns)
                && statement.resources() != null) {
            return statement.resources().location();
        }
        return reason instanceof DeadReason.OfCondition about
                ? condition(statement, about).map(Condition::location).orElse(statement.location())
                : statement.location();
    }

    /** A dead Bedrock statement leads the summary as Bedrock; a dead region-deny as region. */
    private static Category category(Statement statement, List<DeadReason> reasons, Evaluator evaluator) {
        boolean bedrock = statement.conditions().stream()
                .anyMatch(c -> Wording.keyService(c.key()).filter(Wording::isBedrock).isPresent());
        if (!statement.actions().negated()) {
            for (Value entry : statement.actions().values()) {
                var services = evaluator.action(entry.text()).services();
                bedrock |= !services.isEmpty() && services.stream().allMatch(s -> Wording.isBedrock(s.prefix()));
            }
        }
        for (DeadReason reason : reasons) {
            if (reason instanceof DeadReason.ServicesUnavailable r) {
                bedrock |= r.services().stream().anyMatch(Wording::isBedrock);
            }
        }
        if (bedrock) {
            return Category.BEDROCK;
        }
        return reasons.stream().anyMatch(r -> r instanceof DeadReason.NoRegionSatisfies)
                ? Category.REGION : Category.PARTITION;
    }
}
