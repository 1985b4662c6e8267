package io.github.scpauditor.publish;

import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Exposure;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import io.github.scpauditor.report.StatementRef;
import java.util.ArrayList;
import java.util.List;

/** Reports as the audit makes them, for tests of what is published. */
public final class Reports {

    public static final String ORG = "o-a1b2c3d4e5";

    private Reports() {
    }

    public static Finding regionLockout() {
        return new Finding("REGION_LOCKOUT", Severity.CRITICAL, Category.REGION, "p-regiondeny1 (DenyOutsideUsRegions)",
                new StatementRef(0, "GRREGIONDENY"), "/Statement/0/Condition", 7,
                "The region-deny allows only us-east-1 and us-west-2, neither of which is in aws-cn: it denies every"
                        + " non-exempt action in cn-north-1 and cn-northwest-1.",
                "Add cn-north-1 and cn-northwest-1 to the aws:RequestedRegion allow-list.",
                new Exposure(List.of(new Exposure.Target("ou-ab12-workload", "Workloads", "ORGANIZATIONAL_UNIT")), 25));
    }

    public static Finding bedrockDead() {
        return new Finding("DEAD_STATEMENT", Severity.MEDIUM, Category.BEDROCK, "p-bedrock001 (DenyBedrockModels)",
                new StatementRef(1, null), "/Statement/1", 12,
                "Every action of this Deny is a Bedrock action; Amazon Bedrock is not offered in aws-cn, so the"
                        + " statement matches no request.",
                "Remove the statement, or keep it documented as a guardrail for other partitions.",
                new Exposure(List.of(new Exposure.Target("r-ab12", "Root", "ROOT")), 40));
    }

    public static Finding foreignArn() {
        return new Finding("FOREIGN_PARTITION_ARN", Severity.HIGH, Category.PARTITION, "p-exempt0001 (ExemptAdmins)",
                new StatementRef(0, "ExemptBreakGlass"), "/Statement/0/Condition/ArnNotLike/aws:PrincipalArn/0", 9,
                "The exemption names arn:aws:iam::*:role/BreakGlass, which never matches a principal in aws-cn: the"
                        + " deny applies to the role it meant to spare.",
                "Write the ARN with arn:aws-cn: or arn:*:.",
                new Exposure(List.of(new Exposure.Target("123456789012", "Shared services", "ACCOUNT")), 1));
    }

    public static Finding unattached() {
        return new Finding("UNATTACHED_POLICY", Severity.INFO, Category.ATTACHMENT, "p-unused0001 (OldGuardrail)",
                null, null, null, "The policy is attached to no root, OU or account, so it applies nowhere.",
                "Attach it where it is meant to apply, or delete it.", new Exposure(List.of(), 0));
    }

    /** {@code n} findings with long messages, for reports too large for one SNS message. */
    public static List<Finding> many(int n) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Severity severity = Severity.values()[i % Severity.values().length];
            Category category = Category.values()[i % Category.values().length];
            findings.add(new Finding("UNKNOWN_ACTION", severity, category, String.format("p-%010d (Policy %d)", i, i),
                    new StatementRef(i % 7, "Sid" + i), "/Statement/" + (i % 7) + "/Action/0", 3 + i % 40,
                    "The action ec2:DescribeInstancez" + i + " matches no known EC2 action (a typo?). " + "x".repeat(200 + i % 300),
                    "Correct the action name; the closest known action is ec2:DescribeInstances.",
                    new Exposure(List.of(new Exposure.Target("ou-ab12-" + i, "OU " + i, "ORGANIZATIONAL_UNIT")), i % 50)));
        }
        return findings;
    }

    public static Report of(List<Finding> findings, List<InputError> errors, Report.Incomplete incomplete) {
        return Report.of("aws-cn", 42, findings, errors, incomplete);
    }
}
