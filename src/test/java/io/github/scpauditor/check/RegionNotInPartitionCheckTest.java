package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.Request;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.report.Finding;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RegionNotInPartitionCheckTest {

    private static final List<String> REGIONS = List.of("cn-north-1", "cn-northwest-1");
    private static final List<String> REGION_VALUES = List.of("cn-north-1", "CN-NORTH-1", "Cn-NorthWest-1", "cn-*", "CN-*", "*",
            "cn-north-?", "CN-NORTH-?", "cn-north1", "us-east-1");
    private static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "StringNotEqualsIfExists", "ForAnyValue:StringEquals",
            "ForAllValues:StringNotLike", "ArnLike");

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new RegionNotInPartitionCheck());
    }

    /**
     * The check reports a region value exactly when the evaluator finds no request of the partition it names.
     * In an Allow: in a Deny that the value makes dead, DEAD_STATEMENT alone reports it (a fixture shows that).
     */
    @Test
    void aRegionValueIsReportedExactlyWhenNoRequestHereMatchesIt() {
        Evaluator evaluator = FixtureCases.awsCn();
        for (String operator : OPERATORS) {
            boolean negated = operator.contains("Not");
            for (String value : REGION_VALUES) {
                String policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\""
                        + operator + "\": {\"aws:RequestedRegion\": \"" + value + "\"}}}]}";
                Statement statement = PolicyParser.parse(policy).policy().statements().get(0);
                boolean namesSome = REGIONS.stream().anyMatch(region -> negated != evaluator.match(statement,
                        new Request("ec2:RunInstances", "*", null, Map.of("aws:RequestedRegion", List.of(region)))).matched());

                assertThat(findings(policy)).as(operator + " " + value).hasSize(namesSome ? 0 : 1);
            }
        }
    }

    /** The same for the region field of a Resource ARN (in an Allow, for the same reason). */
    @Test
    void aResourceRegionFieldIsReportedExactlyWhenNoArnHereMatchesIt() {
        Evaluator evaluator = FixtureCases.awsCn();
        for (String region : REGION_VALUES) {
            String policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"arn:aws-cn:ec2:" + region
                    + ":*:instance/*\"}]}";
            Statement statement = PolicyParser.parse(policy).policy().statements().get(0);
            boolean namesSome = REGIONS.stream().anyMatch(r -> evaluator.match(statement, new Request("ec2:RunInstances",
                    "arn:aws-cn:ec2:" + r + ":111122223333:instance/i-1", null, Map.of())).matched());

            assertThat(findings(policy)).as(region).hasSize(namesSome ? 0 : 1);
        }
    }

    private static List<Finding> findings(String policy) {
        PolicyUnderAudit audited = new PolicyUnderAudit(new PolicySource("policy.json", null, policy), PolicyParser.parse(policy));
        return new RegionNotInPartitionCheck().check(audited, new CheckContext(FixtureCases.awsCn(), CheckContext.DEFAULT_SIZE_QUOTA));
    }
}
