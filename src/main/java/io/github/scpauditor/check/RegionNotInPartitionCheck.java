package io.github.scpauditor.check;

import io.github.scpauditor.eval.ArnFields;
import io.github.scpauditor.eval.DeadReason;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.NamedRegions;
import io.github.scpauditor.eval.Reach;
import io.github.scpauditor.eval.TriBool;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Region values and patterns that name no region of the partition, as the evaluator compares them where they
 * are written: values of region conditions (aws:RequestedRegion, and keys the evaluator says carry the same region
 * for the statement's actions, such as ec2:Region) and the region field of ARNs (resources and ARN condition
 * values). A value wrong in letter case alone ("CN-NORTH-1" under StringNotEquals, which compares
 * case-sensitively) gets its own explanation. Values with a policy variable or a template placeholder are left
 * alone (their value is not known here); ARNs of another partition are FOREIGN_PARTITION_ARN's to report.
 */
public final class RegionNotInPartitionCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("REGION_NOT_IN_PARTITION", Severity.LOW, Category.REGION,
            "A region value or pattern that names no region of the partition");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.parsed().policy().statements()) {
            Reach reach = evaluator.reach(statement);
            if (reach.servicesAbsent()) {
                // Every service it names is absent: DEAD_STATEMENT says delete it or name a service that is here,
                // and its regions ("unspecified", Bedrock's marker for global inference) mean nothing until then.
                continue;
            }
            if (statement.resources() != null) {
                String element = statement.resources().element();
                for (Value resource : statement.resources().values()) {
                    if (Wording.isDeny(statement) && !statement.resources().negated()
                            && reach.deadBecauseOf(null, resource.text())) {
                        continue; // DEAD_STATEMENT reports this ARN as the reason and says to delete the statement
                    }
                    Optional<String> emptied = Wording.withoutRegionWhereNone(evaluator, resource.text());
                    if (inPartition(evaluator, resource) && emptied.isPresent()) {
                        // An aws-cn region would name nothing either: the resource type has no region in its ARNs.
                        evaluator.regionsNamedByResource(resource.text()).filter(named -> named.regions().isEmpty())
                                .ifPresent(named -> findings.add(regionWhereNone(policy, evaluator.partition(),
                                        statement, resource, named, element, emptied.get())));
                    } else if (inPartition(evaluator, resource)) {
                        evaluator.regionsNamedByResource(resource.text()).ifPresent(named -> arnRegion(policy, evaluator.partition(),
                                statement, resource, statement.resources().values(), named, element,
                                element + " compares ARNs", Optional.empty(), findings));
                    }
                }
            }
            for (Condition condition : statement.conditions()) {
                boolean regionKey = evaluator.isRegionCondition(statement, condition);
                if (regionKey && Wording.isDeny(statement) && !condition.operator().negated()
                        && makesDead(evaluator, reach, statement, condition)) {
                    // DEAD_STATEMENT reports these values as the reason and says to delete the statement; a fix per
                    // value ("remove us-east-2") would, followed alone, leave a Deny with no region condition at all.
                    continue;
                }
                for (Value value : condition.values()) {
                    if (regionKey) {
                        evaluator.regionsNamedBy(condition, value.text())
                                .ifPresent(named -> regionValue(policy, evaluator, statement, condition, value, named, findings));
                    } else if (Wording.isDeny(statement) && !condition.operator().negated()
                            && reach.deadBecauseOf(condition.key(), value.text())) {
                        continue; // as for Resource: DEAD_STATEMENT reports this ARN as the reason
                    } else if (inPartition(evaluator, value)) {
                        Optional<String> emptied = Wording.withoutRegionWhereNone(evaluator, condition, value.text());
                        if (emptied.isPresent()) {
                            // As for Resource: an aws-cn region would name nothing either, the field is to be emptied.
                            evaluator.regionsNamedByArnValue(condition, value.text())
                                    .filter(named -> named.regions().isEmpty())
                                    .ifPresent(named -> findings.add(regionWhereNone(policy, evaluator.partition(),
                                            statement, value, named, condition.key() + " value", emptied.get())));
                        } else {
                            evaluator.regionsNamedByArnValue(condition, value.text()).ifPresent(named -> arnRegion(
                                    policy, evaluator.partition(), statement, value, condition.values(), named,
                                    condition.key() + " value", condition.operatorText() + " compares",
                                    ignoringCase(condition), findings));
                        }
                    }
                }
            }
        }
        return findings;
    }

    /**
     * Whether no region satisfying this region condition makes the statement match nothing: the reason the evaluator
     * gives, or, for a statement dead for another reason first (its services are not offered here), a condition that
     * holds in no region of the partition on its own.
     */
    private static boolean makesDead(Evaluator evaluator, Reach reach, Statement statement, Condition condition) {
        return reach.dead() && (reach.reasons().stream().anyMatch(reason -> reason instanceof DeadReason.NoRegionSatisfies r
                && r.key().equalsIgnoreCase(condition.key()) && r.operator().equalsIgnoreCase(condition.operatorText()))
                || evaluator.partition().regions().stream()
                        .allMatch(region -> evaluator.conditionInPartition(statement, condition, region).result()
                                == TriBool.FALSE));
    }

    /** An ARN whose partition field can name this partition: one of another partition is FOREIGN_PARTITION_ARN's. */
    private static boolean inPartition(Evaluator evaluator, Value value) {
        return evaluator.arnInPartition(value.text()).orElse(false);
    }

    /** The regions of the partition that the condition's other values name. */
    private static Set<String> namedByOthers(Evaluator evaluator, Condition condition, Value value) {
        Set<String> named = new HashSet<>();
        for (Value other : condition.values()) {
            if (other != value) {
                evaluator.regionsNamedBy(condition, other.text()).ifPresent(n -> named.addAll(n.regions()));
            }
        }
        return named;
    }

    private static void regionValue(PolicyUnderAudit policy, Evaluator evaluator, Statement statement, Condition condition,
            Value value, NamedRegions named, List<Finding> findings) {
        if (!named.regions().isEmpty()) {
            return;
        }
        Partition partition = evaluator.partition();
        String what = condition.operatorText() + " " + condition.key() + " value " + Wording.quote(value.text());
        String consequence = condition.operator().negated() ? "so it spares no request here" : "so no request here ever matches it";
        // A region a Deny matches on is a region it denies in: naming a region here instead would deny there.
        boolean denied = Wording.isDeny(statement) && !condition.operator().negated();
        findings.add(named.inLowerCase().isEmpty()
                // Only for a value that names no region (rare), as it asks about every other value of the condition.
                ? noRegion(policy, partition, statement, value, named, what, consequence, denied, condition.values().size() == 1,
                        namedByOthers(evaluator, condition, value), false)
                : wrongCase(policy, partition, statement, value, what,
                        condition.operatorText() + " compares case-sensitively and requests here carry " + oneOf(named.inLowerCase()),
                        consequence, value.text().toLowerCase(Locale.ROOT), ignoringCase(condition)));
    }

    private static void arnRegion(PolicyUnderAudit policy, Partition partition, Statement statement, Value value,
            List<Value> values, NamedRegions named, String where, String comparer, Optional<String> ignoringCase,
            List<Finding> findings) {
        if (!named.regions().isEmpty()) {
            return;
        }
        // The regions of the partition where another value of the list already names this ARN (a list shared with
        // another partition: ["arn:*:ec2:us-east-1:…", "arn:*:ec2:cn-north-1:…"]).
        ArnFields fields = ArnFields.of(value.text()).orElseThrow();
        Set<String> namedByOthers = partition.regions().stream()
                .filter(region -> values.stream().anyMatch(other -> other != value
                        && Evaluator.wildcardMatches(other.text(), fields.withRegion(region), false)))
                .collect(Collectors.toSet());
        String what = "the region field " + Wording.quote(named.written()) + " of " + where + " " + Wording.quote(value.text());
        String consequence = "so this ARN names no resource here";
        findings.add(named.inLowerCase().isEmpty()
                ? noRegion(policy, partition, statement, value, named, what, consequence, false, values.size() == 1,
                        namedByOthers, true)
                : wrongCase(policy, partition, statement, value, what,
                        comparer + " case-sensitively and ARNs here carry " + oneOf(named.inLowerCase()), consequence,
                        ArnFields.of(value.text()).orElseThrow().withRegion(named.written().toLowerCase(Locale.ROOT)),
                        ignoringCase));
    }

    /** The condition's operator written to ignore case, where IAM has one (StringNotEquals → StringNotEqualsIgnoreCase). */
    private static Optional<String> ignoringCase(Condition condition) {
        return condition.operator().ignoringCase().map(condition::operatorTextWith);
    }

    /**
     * {@code denied}: the value lists a region the Deny matches on, where replacing it would deny in that region.
     * {@code onlyValue}: the value is its element's only one, which cannot be removed (IAM takes no empty list).
     * {@code namedByOthers}: the regions the element's other values name (for an ARN: name it in); all of them, and
     * this value is likely for another partition (a list shared with it). {@code arn}: the region is an ARN's field.
     */
    private static Finding noRegion(PolicyUnderAudit policy, Partition partition, Statement statement, Value value,
            NamedRegions named, String what, String consequence, boolean denied, boolean onlyValue,
            Set<String> namedByOthers, boolean arn) {
        String region = named.written();
        String message = capitalised(what) + " names no region of " + partition.id() + " (" + Wording.regionsOf(partition) + "), "
                + consequence + ".";
        // A region of another partition is not a typo: "eu-north-1" is Stockholm, whatever its distance to cn-north-1.
        Optional<String> closest = partition.isRegionOfAnyPartition(region.toLowerCase(Locale.ROOT)) ? Optional.empty()
                : Wording.closest(region, partition.regions(), 2);
        String remediation;
        if (denied) {
            remediation = closest.map(r -> "Did you mean " + Wording.quote(r) + "? Write it if you mean to deny there what this"
                            + " statement matches; otherwise remove " + Wording.quote(region) + ".")
                    .orElse("Remove " + Wording.quote(region) + ": it names no region here. Name an " + partition.id()
                            + " region instead only if you mean to deny there what this statement matches.");
        } else if (closest.filter(namedByOthers::contains).isPresent()) {
            remediation = "Did you mean " + Wording.quote(closest.get()) + "? This list already names it: remove "
                    + Wording.quote(arn ? value.text() : region) + ".";
        } else if (namedByOthers.containsAll(partition.regions())) {
            // Replacing it would break the copy of the policy that serves the partition the value belongs to.
            remediation = arn
                    ? "This list already names the ARN in every " + partition.id() + " region, so "
                            + Wording.quote(value.text())
                            + " changes nothing here: keep it if the policy also serves a partition that has "
                            + Wording.quote(region) + ", otherwise remove it."
                    : "Every " + partition.id() + " region is already in this list, so " + Wording.quote(region)
                            + " changes nothing here: keep it if the policy also serves a partition that has it,"
                            + " otherwise remove it.";
        } else {
            remediation = closest.map(r -> "Did you mean " + Wording.quote(r) + "? ").orElse("")
                    + "Replace " + Wording.quote(region) + " with the " + partition.id() + " region it stands for"
                    // Not one the list already names: that replacement would change nothing.
                    + Wording.listedRegions(partition,
                            partition.regions().stream().filter(r -> !namedByOthers.contains(r)).toList(), " or ")
                    + (onlyValue ? "." : ", or remove it.");
        }
        return Findings.at(INFO, Severity.LOW, Category.REGION, policy, statement, value.location(), message, remediation);
    }

    /** A region field in the ARN of a resource type that has none ("arn:aws-cn:s3:us-east-1::logs"): empty it. */
    private static Finding regionWhereNone(PolicyUnderAudit policy, Partition partition, Statement statement,
            Value value, NamedRegions named, String element, String emptied) {
        String service = ArnFields.of(emptied).map(ArnFields::service).orElseThrow();
        String message = "The region field " + Wording.quote(named.written()) + " of " + element + " "
                + Wording.quote(value.text()) + " names no region of " + partition.id() + ", and the "
                + Wording.service(partition, service) + " resources it would name have no region in their ARNs,"
                + " so this ARN names no resource here.";
        String remediation = "Write " + Wording.quote(emptied) + ", with the region field empty.";
        return Findings.at(INFO, Severity.LOW, Category.REGION, policy, statement, value.location(), message,
                remediation);
    }

    private static Finding wrongCase(PolicyUnderAudit policy, Partition partition, Statement statement, Value value,
            String what, String why, String consequence, String inLowerCase, Optional<String> ignoringCase) {
        String message = capitalised(what) + " names no region of " + partition.id() + ": " + why + ", " + consequence + ".";
        String remediation = "Write " + Wording.quote(inLowerCase) + " (region names are lower case)"
                + ignoringCase.map(op -> ", or use " + op).orElse("") + ".";
        return Findings.at(INFO, Severity.LOW, Category.REGION, policy, statement, value.location(), message, remediation);
    }

    /** "cn-north-1" or "cn-north-1" or "cn-northwest-1": the regions one request or ARN carries one of. */
    private static String oneOf(List<String> regions) {
        return regions.stream().map(Wording::quote).collect(Collectors.joining(" or "));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
