package io.github.scpauditor.check;

import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.NamedRegions;
import io.github.scpauditor.eval.RegionRestriction;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A region-deny (a Deny with region conditions: on aws:RequestedRegion, or on a key the evaluator says carries the
 * same region for the statement's actions, such as ec2:Region) whose region conditions hold in every region
 * of the partition: the allowed set holds no region here, so it denies every action it names, everywhere.
 * A deny-list naming only regions of the partition, and all of them, denies here on purpose and is not reported.
 * A statement that is dead for another reason denies nothing and is DEAD_STATEMENT's to report. HIGH
 * rather than CRITICAL when a positive condition on another key limits it to some requests.
 */
public final class RegionLockoutCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("REGION_LOCKOUT", Severity.CRITICAL, Category.REGION,
            "A region-deny whose allowed regions include no region of the partition: it denies everywhere");

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
            if (!Wording.isDeny(statement)) {
                continue;
            }
            Optional<RegionRestriction> restriction = evaluator.regionRestriction(statement);
            if (restriction.isEmpty() || restriction.get().byRegion().isEmpty()
                    || !restriction.get().byRegion().values().stream().allMatch(t -> t == TriBool.TRUE)
                    || evaluator.reach(statement).dead() || deniesHereOnPurpose(evaluator, statement)) {
                continue;
            }
            String message = "This Deny applies whenever " + RegionConditions.describe(evaluator, statement)
                    + (RegionConditions.of(evaluator, statement).size() == 1 ? " holds" : " hold")
                    + ", which is every region of "
                    + partition.id() + " (" + Wording.regionsOf(partition) + "): it denies " + denied(statement)
                    + " in the whole partition" + RegionConditions.otherConditions(evaluator, statement) + ".";
            String keys = RegionConditions.listKeys(evaluator, statement);
            String remediation = RegionConditions.allowListed(evaluator, statement)
                    ? "Allow the " + partition.id() + " regions you use: add them to the " + keys + " values"
                            + (Wording.fewRegions(partition) ? ", e.g. " + Wording.quoted(partition.regions()) : "") + "."
                    : "Deny only the regions you mean to: remove the values that name " + partition.id() + " regions"
                            + Wording.listedRegions(partition, partition.regions(), ", ")
                            + " from the " + keys + " condition" + (keys.contains(" and ") ? "s." : ".");
            // A Deny that needs another condition to hold (a VPC, a tag) locks out those requests only: HIGH, not CRITICAL.
            Severity severity = RegionConditions.narrowedToSomeRequests(evaluator, statement)
                    ? Severity.HIGH : Severity.CRITICAL;
            findings.add(Findings.at(INFO, severity, Category.REGION, policy, statement,
                    RegionConditions.location(evaluator, statement),
                    message, remediation));
        }
        return findings;
    }

    /**
     * Whether a deny-list (StringEquals, StringLike… on a region key) names only regions of this partition,
     * by name or pattern ("cn-north-1", "cn-*"), and together all of them: its author listed this partition's
     * regions as the ones to deny in ("deny unencrypted volumes in China"), so denying everywhere here is the
     * guardrail working as written, and removing those values would remove the guardrail. A list that also names
     * regions of another partition (a global "regions we do not use" list) covers this partition in passing: reported.
     * A Deny whose only region condition is Null aws:RequestedRegion "false" names no region: it denies every request
     * in every partition as written, with no list whose values could be made right for this one.
     */
    private static boolean deniesHereOnPurpose(Evaluator evaluator, Statement statement) {
        if (RegionConditions.lists(evaluator, statement).isEmpty()) {
            return true;
        }
        Set<String> named = new HashSet<>();
        for (Condition condition : RegionConditions.lists(evaluator, statement)) {
            if (condition.operator().negated()) {
                continue;
            }
            for (Value value : condition.values()) {
                List<String> regions = evaluator.regionsNamedBy(condition, value.text()).map(NamedRegions::regions)
                        .orElse(List.of());
                if (regions.isEmpty()) {
                    return false;
                }
                named.addAll(regions);
            }
        }
        return named.containsAll(evaluator.partition().regions());
    }

    private static String denied(Statement statement) {
        List<String> entries = statement.actions().values().stream().map(Value::text).toList();
        if (statement.actions().negated()) {
            return "every action except its " + entries.size() + " NotAction exemption" + (entries.size() == 1 ? "" : "s");
        }
        if (entries.contains("*")) {
            return "every action";
        }
        return entries.size() <= 5 ? entries.stream().collect(Collectors.joining(", "))
                : String.join(", ", entries.subList(0, 5)) + " and " + (entries.size() - 5) + " more actions";
    }
}
