package io.github.scpauditor.eval;

import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.policy.ParseResult;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small aws-cn for unit tests, independent of the SDK's endpoint data: the two China regions, a few
 * services with a few of their real action names, Bedrock and Control Tower not offered, and the
 * signing regions of global services as the design names them (IAM and Support sign for cn-north-1,
 * Organizations for cn-northwest-1).
 */
final class ChinaFixture {
    static final List<String> REGIONS = List.of("cn-north-1", "cn-northwest-1");
    static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();
    static final Map<String, String> GLOBAL = Map.of("iam", "cn-north-1", "support", "cn-north-1", "organizations", "cn-northwest-1");
    static final List<String> NOT_OFFERED = List.of("bedrock", "controltower");

    static {
        ACTIONS.put("s3", List.of("GetObject", "PutObject", "ListBucket", "DeleteBucket"));
        ACTIONS.put("ec2", List.of("RunInstances", "DescribeInstances", "TerminateInstances"));
        ACTIONS.put("iam", List.of("CreateRole", "DeleteRole", "PassRole", "GetRole"));
        ACTIONS.put("organizations", List.of("DescribeOrganization", "LeaveOrganization"));
        ACTIONS.put("support", List.of("DescribeCases", "CreateCase"));
        ACTIONS.put("sts", List.of("AssumeRole", "GetCallerIdentity"));
        ACTIONS.put("cloudtrail", List.of("StopLogging", "DeleteTrail"));
        ACTIONS.put("bedrock", List.of("InvokeModel", "CreateInferenceProfile"));
        ACTIONS.put("controltower", List.of("EnableControl", "DisableControl"));
    }

    private ChinaFixture() {
    }

    static PartitionFacts facts() {
        return new PartitionFacts("aws-cn", REGIONS, ACTIONS.keySet(),
                p -> NOT_OFFERED.contains(p) ? Availability.NO : ACTIONS.containsKey(p) ? Availability.YES : Availability.UNKNOWN,
                p -> Optional.ofNullable(GLOBAL.get(p)),
                p -> ACTIONS.getOrDefault(p, List.of()));
    }

    static Evaluator evaluator() {
        return new Evaluator(null, facts());
    }

    /** The first statement of a policy written as JSON; fails the test if the policy does not parse. */
    static Statement statement(String json) {
        ParseResult parsed = PolicyParser.parse(json);
        if (!parsed.valid()) {
            throw new AssertionError("fixture policy does not parse: " + parsed.problems());
        }
        return parsed.policy().statements().get(0);
    }

    /** A one-statement policy around the given statement members, e.g. {@code "Effect": "Deny", "Action": "*"}. */
    static Statement stmt(String members) {
        return statement("{\"Version\": \"2012-10-17\", \"Statement\": [{" + members + "}]}");
    }
}
