package io.github.scpauditor.check;

import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.Location;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.policy.ValueList;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Leftovers of an AWS Control Tower landing zone: guardrail Sids (GRREGIONDENY, GRRESTRICTROOTUSER…,
 * CTMULTISERVICEPV1 from CT.MULTISERVICE.PV.1), Control Tower roles and resources (AWSControlTowerExecution,
 * aws-controltower-*), and aws-guardrails-* policy names. Where Control Tower is not offered nothing
 * maintains them; they are now the organisation's own statements to review.
 */
public final class ControlTowerArtifactCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("CONTROL_TOWER_ARTIFACT", Severity.LOW, Category.CONTROL_TOWER,
            "A Control Tower leftover: guardrail Sid, Control Tower role or resource, aws-guardrails-* policy name");

    /**
     * Control Tower's legacy guardrail ids (GR + what they govern: GRREGIONDENY, GRAUDITBUCKET…, GRCTAUDIT…,
     * GRDISALLOW…), not any upper-case Sid starting with GR (GRANTREADONLY, GROUPADMINS); and CT.<SERVICE>.PV.<n>
     * control ids with the dots removed.
     */
    private static final Pattern GUARDRAIL_SID = Pattern.compile(
            "GR(REGION|RESTRICT|AUDIT|CLOUDTRAIL|CLOUDWATCH|CONFIG|CT|DISALLOW|IAM|LAMBDA|LOG|SNS|ENCRYPT|EBS|RDS|S3|MFA|ROOT)"
                    + "[A-Z0-9]*|CT[A-Z0-9]+PV[0-9]+");
    private static final Pattern CONTROL_TOWER_NAME = Pattern.compile("AWSControlTower|aws-controltower");
    private static final String GUARDRAILS_POLICY_PREFIX = "aws-guardrails-";

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        Partition partition = context.evaluator().partition();
        String absent = partition.offers("controltower") == Availability.NO
                ? "AWS Control Tower is not offered in " + partition.id()
                : "Control Tower does not manage SCPs you copied yourself";
        List<Finding> findings = new ArrayList<>();
        String policyName = baseName(policy.source().name());
        if (policyName.startsWith(GUARDRAILS_POLICY_PREFIX)) {
            findings.add(Findings.ofPolicy(INFO, Severity.LOW, Category.CONTROL_TOWER, policy, Location.ROOT,
                    "The policy name " + Wording.quote(policyName) + " is Control Tower's name for its guardrail SCPs; "
                            + absent + ", so nothing maintains this policy.",
                    "Rename the policy and review every statement for " + partition.id() + " as your own."));
        }
        for (Statement statement : policy.parsed().policy().statements()) {
            Value sid = statement.sid();
            if (sid != null && GUARDRAIL_SID.matcher(sid.text()).matches()) {
                findings.add(Findings.at(INFO, Severity.LOW, Category.CONTROL_TOWER, policy, statement, sid.location(),
                        "Sid " + Wording.quote(sid.text()) + " is a Control Tower control id; " + absent
                                + ", so this statement was copied from Control Tower's controls (or a landing zone built"
                                + " on them) and nothing here keeps it current.",
                        "Give the statement a Sid of your own and review it for " + partition.id() + "."));
            }
            if (statement.resources() != null) {
                ValueList resources = statement.resources();
                controlTowerNames(policy, statement, resources.element(), resources.values(), resources.location(),
                        resources.negated(), true, absent, partition, findings);
            }
            for (Condition condition : statement.conditions()) {
                controlTowerNames(policy, statement, condition.operatorText() + " " + condition.key(), condition.values(),
                        condition.location(), condition.operator().negated(), condition.operator().takesWildcards(),
                        absent, partition, findings);
            }
        }
        return findings;
    }

    /**
     * One finding per element (a Resource list, a condition's values) that names Control Tower roles or resources.
     * {@code exemption}: the element spares what it names (NotResource, a negated operator); {@code wildcards}: it
     * takes '*' as a wildcard, so "arn:*:" names every partition (under StringEquals and its kin it equals no ARN).
     */
    private static void controlTowerNames(PolicyUnderAudit policy, Statement statement, String element, List<Value> values,
            Location location, boolean exemption, boolean wildcards, String absent, Partition partition,
            List<Finding> findings) {
        List<String> named = values.stream().map(Value::text).filter(ControlTowerArtifactCheck::namesControlTower).toList();
        if (named.isEmpty()) {
            return;
        }
        String forms = "(as arn:" + partition.id() + ":" + (wildcards ? " or arn:*:" : "") + " ARNs)";
        findings.add(Findings.at(INFO, Severity.LOW, Category.CONTROL_TOWER, policy, statement, location,
                element + " names Control Tower roles or resources " + Wording.quoted(named) + "; " + absent
                        + ", so they exist only if you created them yourself.",
                // Removing an exemption would deny what it spares; removing a target could empty the element.
                exemption
                        ? "Replace them with the roles and resources that administer your " + partition.id()
                                + " accounts " + forms + "; keep them only if you created them, as removing them would"
                                + " extend the " + statement.effect().json() + " to them."
                        : "Replace them with the " + partition.id() + " resources you mean " + forms
                                + ", or delete the statement if it guards nothing of yours."));
    }

    /** Does the text name a role or resource Control Tower creates (AWSControlTowerExecution, aws-controltower-…)? */
    static boolean namesControlTower(String text) {
        return CONTROL_TOWER_NAME.matcher(text).find();
    }

    private static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.endsWith(".json") ? base.substring(0, base.length() - ".json".length()) : base;
    }
}
