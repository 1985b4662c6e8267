package io.github.scpauditor.report;

import java.util.List;

/** The findings and errors the renderer scenarios share. */
final class Scenarios {

    private Scenarios() {
    }

    static final Exposure ROOT_AND_OU = new Exposure(List.of(
            new Exposure.Target("r-a1b2", "Root", "ROOT"),
            new Exposure.Target("ou-a1b2-workload", "Workloads", "ORGANIZATIONAL_UNIT")), 7);

    static final List<Finding> SEVERAL = List.of(
            new Finding("REGION_LOCKOUT", Severity.CRITICAL, Category.REGION, "deny-outside-us (p-aaaa1111)",
                    new StatementRef(0, "DenyAllOutsideUS"), "/Statement/0/Condition", 9,
                    "This region-deny allows only us-east-1 and us-west-2, none of which is a region of aws-cn:"
                            + " it denies every action not in its NotAction list, in cn-north-1 and cn-northwest-1 alike.",
                    "Add cn-north-1 and/or cn-northwest-1 to the aws:RequestedRegion values.", ROOT_AND_OU),
            new Finding("FOREIGN_PARTITION_ARN", Severity.HIGH, Category.PARTITION, "deny-outside-us (p-aaaa1111)",
                    new StatementRef(0, "DenyAllOutsideUS"), "/Statement/0/Condition/ArnNotLike/aws:PrincipalARN/0", 13,
                    "arn:aws:iam::*:role/OrganizationAccountAccessRole is an aws ARN: it never names a principal"
                            + " in aws-cn, so the exemption exempts nobody.",
                    "Write arn:aws-cn:iam::*:role/OrganizationAccountAccessRole (or arn:*:).", ROOT_AND_OU),
            new Finding("UNAVAILABLE_SERVICE", Severity.LOW, Category.BEDROCK, "policies/bedrock-models.json",
                    new StatementRef(1, null), "/Statement/1/Action/0", 17,
                    "bedrock:InvokeModel: Amazon Bedrock is not offered in aws-cn.",
                    "Remove the statement, or keep it only if the same file is deployed to other partitions.", null),
            new Finding("SIZE_NEAR_LIMIT", Severity.INFO, Category.GRAMMAR, "policies/bedrock-models.json",
                    null, "", 1, "The policy is 9,850 characters, 96% of the 10,240-character quota.",
                    "Remove whitespace, or split the policy in two.", null));

    static final List<InputError> ERRORS = List.of(
            new InputError("policies/empty.json", "the file is empty; a policy is a JSON object with a Statement element"),
            new InputError("policies/latin1.json",
                    "not UTF-8 text: byte 0xE9 at offset 41 is not valid UTF-8; policies are UTF-8 JSON"));

    static final InputError THROTTLED = new InputError("organizations:ListTargetsForPolicy p-bbbb2222",
            "TooManyRequestsException after 5 attempts");
}
