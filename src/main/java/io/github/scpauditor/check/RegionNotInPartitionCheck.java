package io.github.scpauditor.check;

import io.github.scpauditor.eval.ArnFields;
import io.github.scpauditor.eval.Evaluator;
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
import java.util.Optional;

/**
 * Region values and patterns that name no region of the partition: aws:RequestedRegion condition values
 * and the region field of ARNs (resources and ARN condition values). Values with a policy variable or a
 * template placeholder are left alone (their value is not known here); ARNs of another partition are
 * FOREIGN_PARTITION_ARN's to report.
 */
public final class RegionNotInPartitionCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("REGION_NOT_IN_PARTITION", Severity.LOW, Category.REGION,
            "A region value or pattern that names no region of the partition");

    static final String REQUESTED_REGION = "aws:RequestedRegion";

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.parsed().policy().statements()) {
            if (statement.resources() != null) {
                for (Value resource : statement.resources().values()) {
                    arnRegion(policy, evaluator, statement, resource, statement.resources().element(), findings);
                }
            }
            for (Condition condition : statement.conditions()) {
                boolean regionKey = condition.key().equalsIgnoreCase(REQUESTED_REGION)
                        && condition.operator() != ConditionOperator.NULL;
                for (Value value : condition.values()) {
                    if (regionKey) {
                        regionValue(policy, evaluator, statement, value,
                                condition.operatorText() + " " + condition.key() + " value",
                                condition.operator().negated() ? "so it spares no request here"
                                        : "so no request here ever matches it", findings);
                    } else {
                        arnRegion(policy, evaluator, statement, value, condition.key() + " value", findings);
                    }
                }
            }
        }
        return findings;
    }

    private static void arnRegion(PolicyUnderAudit policy, Evaluator evaluator, Statement statement, Value value,
            String where, List<Finding> findings) {
        Optional<Boolean> inPartition = evaluator.arnInPartition(value.text());
        if (inPartition.isEmpty() || !inPartition.get()) {
            return;
        }
        ArnFields.of(value.text()).map(ArnFields::region).filter(region -> !region.isEmpty())
                .ifPresent(region -> {
                    if (!Wording.hasVariable(region) && evaluator.regionsNamedBy(region).isEmpty()) {
                        findings.add(finding(policy, evaluator.partition(), statement, value, region,
                                "the region field " + Wording.quote(region) + " of " + where + " "
                                        + Wording.quote(value.text()),
                                "so this ARN names no resource here"));
                    }
                });
    }

    private static void regionValue(PolicyUnderAudit policy, Evaluator evaluator, Statement statement, Value value,
            String where, String consequence, List<Finding> findings) {
        if (Wording.hasVariable(value.text()) || !evaluator.regionsNamedBy(value.text()).isEmpty()) {
            return;
        }
        findings.add(finding(policy, evaluator.partition(), statement, value, value.text(),
                where + " " + Wording.quote(value.text()), consequence));
    }

    private static Finding finding(PolicyUnderAudit policy, Partition partition, Statement statement, Value value,
            String region, String what, String consequence) {
        String message = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " names no region of "
                + partition.id() + " (" + Wording.regionsOf(partition) + "), " + consequence + ".";
        String remediation = Wording.closest(region, partition.regions(), 2)
                .map(r -> "Did you mean " + Wording.quote(r) + "? ").orElse("")
                + "Replace " + Wording.quote(region) + " with the " + partition.id() + " region it stands for ("
                + String.join(" or ", partition.regions()) + "), or remove it.";
        return Findings.at(INFO, Severity.LOW, Category.REGION, policy, statement, value.location(), message, remediation);
    }
}
