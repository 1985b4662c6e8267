package io.github.scpauditor.check;

import io.github.scpauditor.eval.ArnFields;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.NamedRegions;
import io.github.scpauditor.eval.Reach;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ARNs of another partition ("arn:aws:" in aws-cn) in Resource, NotResource or condition values: they
 * never match here. HIGH where the ARN was meant as an exemption (NotResource, a negated operator such as
 * ArnNotLike or StringNotEquals): what it meant to spare is not spared. MEDIUM where it was meant as a
 * target (Resource, a positive operator): the statement never applies to it. In a statement that matches
 * nothing here anyway a failed exemption has no effect yet, so it is MEDIUM too. ARNs of services the
 * partition does not offer, and values of their condition keys, are left out: no partition field would
 * make them match, so "write arn:aws-cn:" would be wrong advice (UNAVAILABLE_SERVICE and DEAD_STATEMENT
 * report them).
 */
public final class ForeignPartitionArnCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("FOREIGN_PARTITION_ARN", Severity.HIGH, Category.PARTITION,
            "An ARN of another partition in Resource, NotResource or a condition value");

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
            boolean dead = reach.dead();
            if (statement.resources() != null) {
                String element = statement.resources().element();
                for (Value resource : statement.resources().values()) {
                    if (!statement.resources().negated() && reach.deadBecauseOf(null, resource.text())) {
                        continue; // DEAD_STATEMENT reports this target as the reason the statement matches nothing
                    }
                    report(policy, evaluator, statement, dead, resource, statement.resources().values(), element,
                            statement.resources().negated(), null, findings);
                }
            }
            for (Condition condition : statement.conditions()) {
                if (notOffered(evaluator.partition(), Wording.keyService(condition.key()).orElse(""))) {
                    continue; // no request here carries the key, whatever the ARN: UNAVAILABLE_SERVICE says so
                }
                String element = condition.operatorText() + " " + condition.key();
                for (Value value : condition.values()) {
                    if (!condition.operator().negated() && reach.deadBecauseOf(condition.key(), value.text())) {
                        continue;
                    }
                    report(policy, evaluator, statement, dead, value, condition.values(), element,
                            condition.operator().negated(), condition, findings);
                }
            }
        }
        return findings;
    }

    /**
     * {@code condition} is null for Resource and NotResource, which always take '*' and '?' as wildcards;
     * {@code siblings} are the values of the same element.
     */
    private static void report(PolicyUnderAudit policy, Evaluator evaluator, Statement statement, boolean dead,
            Value value, List<Value> siblings, String element, boolean exemption, Condition condition,
            List<Finding> findings) {
        ConditionOperator operator = condition == null ? null : condition.operator();
        Optional<Boolean> inPartition = operator == null ? evaluator.arnInPartition(value.text())
                : evaluator.arnInPartition(value.text(), operator);
        Partition partition = evaluator.partition();
        Optional<ArnFields> fields = ArnFields.of(value.text());
        String service = fields.map(ArnFields::service).orElse("");
        if (inPartition.isEmpty() || inPartition.get() || notOffered(partition, service)) {
            return; // an ARN of a service not offered here names nothing in any form: no arn:aws-cn: fix exists
        }
        String here = Wording.withPartition(value.text(), partition.id());
        Optional<NamedRegions> region = condition == null ? evaluator.regionsNamedByResource(here)
                : evaluator.regionsNamedByArnValue(condition, here);
        boolean foreignRegion = region.isPresent() && region.get().regions().isEmpty();
        // Named here only in lower case ("CN-NORTH-1"): the region is right, its letter case is not.
        boolean regionCase = foreignRegion && !region.get().inLowerCase().isEmpty();
        // The forms the fix would write: with an aws-cn region too where the region field names none here.
        ArnFields hereFields = ArnFields.of(here).orElse(null);
        // An S3 bucket ARN with a region ("arn:aws:s3:us-east-1::logs") names something here only without one.
        Optional<String> emptied = Wording.withoutRegionWhereNone(evaluator, condition, value.text());
        List<String> fixed = emptied.isPresent() ? List.of(emptied.get()) : !foreignRegion ? List.of(here)
                : regionCase ? List.of(hereFields.withRegion(region.get().written().toLowerCase(Locale.ROOT)))
                : partition.regions().stream().map(hereFields::withRegion).toList();
        if (writtenForThisPartitionToo(evaluator, siblings, operator, fixed)) {
            return; // a policy shared with another partition: the value serves it, and nothing is lost here
        }
        String written = fields.map(ArnFields::partition).orElse("?");
        String deny = Wording.isDeny(statement) ? "Deny" : "Allow";
        String consequence;
        if (exemption && dead) {
            consequence = "so this " + element + " exemption spares nothing it names; the statement matches no request"
                    + " here today, but once it does the " + deny + " will apply to what it meant to spare";
        } else if (exemption) {
            consequence = "so this " + element + " exemption spares nothing it names: the " + deny
                    + " applies to what it meant to spare";
        } else {
            consequence = "so the " + deny + " never applies to it through this " + element;
        }
        // Under StringEquals and its kin "arn:*:" is not a pattern: it equals no ARN, and the fix must not suggest it.
        boolean wildcards = operator == null || operator.takesWildcards();
        boolean literal = !wildcards && evaluator.arnInPartition(value.text()).orElse(false);
        String message = (literal
                ? Wording.quote(value.text()) + " is compared by " + operator.json() + ", which takes * and ? as written:"
                        + " it equals no ARN (" + partition.id() + " ARNs start with arn:" + partition.id() + ":), "
                : Wording.quote(value.text()) + " is an ARN of partition " + Wording.quote(written)
                        + ", and " + partition.id() + " ARNs start with arn:" + partition.id() + ":, ")
                + consequence + ".";
        String everyPartition = Wording.quote(Wording.withPartition(value.text(), "*"));
        String remediation;
        if (emptied.isPresent()) {
            // Under StringEquals "arn:*:" equals no ARN, and a * elsewhere is taken as written too.
            boolean literalWildcards = !wildcards && (emptied.get().contains("*") || emptied.get().contains("?"));
            remediation = "Write " + Wording.quote(emptied.get()) + (!wildcards ? "" : " (or "
                    + Wording.quote(Wording.withPartition(emptied.get(), "*")) + " to serve every partition)")
                    + (literalWildcards ? " under " + Wording.likeOperator(condition) + ", as " + operator.json()
                            + " takes * and ? as written" : "")
                    + ", with the region field empty: the " + Wording.service(partition, service) + " resources it"
                    + " means have no region in their ARNs.";
        } else if (foreignRegion) {
            // "us-east-1" is no region here: arn:aws-cn: with it (or arn:*:) would name nothing either. A partition
            // with many regions (aws) gets the form with a placeholder rather than one ARN per region.
            String field = region.get().written();
            String which;
            if (regionCase) {
                which = Wording.quote(fixed.get(0)) + " (region names are lower case)";
            } else {
                // Only a region some partition has is one "of another partition"; a typo or a pattern is not.
                String forms = fixed.size() <= 2
                        ? fixed.stream().map(Wording::quote).collect(Collectors.joining(" or ")) + ", whichever region"
                                + " of " + partition.id() + " stands for "
                        : Wording.quote(hereFields.withRegion("<region>")) + " with the region of " + partition.id()
                                + " that stands for ";
                which = forms + Wording.quote(field) + (partition.isRegionOfAnyPartition(field)
                        ? ", a region of another partition" : ", which names no region of " + partition.id());
            }
            remediation = "Write " + which
                    + (wildcards || !(here.contains("*") || here.contains("?")) ? "."
                            : ", under " + Wording.likeOperator(condition) + ", as " + operator.json() + " takes * and ? as written.");
        } else if (wildcards) {
            remediation = "Write " + Wording.quote(here) + " (or " + everyPartition + " to serve every partition).";
        } else if (here.contains("*") || here.contains("?")) {
            // Its other wildcards would be taken as written too: only the Like operator makes the value a pattern.
            remediation = "Write " + Wording.quote(here) + " under " + Wording.likeOperator(condition) + ", as " + operator.json()
                    + " takes * and ? as written (" + everyPartition + " there serves every partition).";
        } else {
            remediation = "Write " + Wording.quote(here) + " (or, to serve every partition, " + everyPartition + " under "
                    + Wording.likeOperator(condition) + ", where * is a wildcard).";
        }
        remediation = remediation
                // Control Tower does not create its roles in a partition where it is not offered.
                + (ControlTowerArtifactCheck.namesControlTower(value.text()) && notOffered(partition, "controltower")
                        ? " Only if that role or resource exists in your " + partition.id() + " accounts: Control Tower"
                                + " does not create it here (see CONTROL_TOWER_ARTIFACT)."
                        : "");
        boolean bedrock = Wording.isBedrock(service)
                || (condition != null && Wording.keyService(condition.key()).filter(Wording::isBedrock).isPresent());
        // An exemption that fails is HIGH because the statement then bites too much; a dead statement bites nothing yet.
        findings.add(Findings.at(INFO, exemption && !dead ? Severity.HIGH : Severity.MEDIUM,
                bedrock ? Category.BEDROCK : Category.PARTITION, policy, statement, value.location(), message, remediation));
    }

    /**
     * Whether another value of the element already names here all the fix would write ({@code fixed}: "arn:aws-cn:…"
     * for "arn:aws:…", with an aws-cn region where the value's names none): its own aws-cn form, its "arn:*:" form
     * where the operator takes wildcards, or a wider pattern such as "arn:aws-cn:iam::*:role/*". Then it spares or
     * targets here what the foreign value meant to.
     */
    private static boolean writtenForThisPartitionToo(Evaluator evaluator, List<Value> siblings,
            ConditionOperator operator, List<String> fixed) {
        return siblings.stream().map(Value::text)
                .anyMatch(sibling -> fixed.stream().anyMatch(form -> evaluator.covers(sibling, form, operator)));
    }

    private static boolean notOffered(Partition partition, String service) {
        return !service.isEmpty() && partition.actions().knowsService(service)
                && partition.offers(service) == Availability.NO;
    }
}
