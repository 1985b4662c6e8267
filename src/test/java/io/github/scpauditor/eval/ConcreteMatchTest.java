package io.github.scpauditor.eval;

import static io.github.scpauditor.eval.ChinaFixture.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Action, resource and principal matching of concrete requests, and the SCP decision over policies. */
class ConcreteMatchTest {
    private static final String ROLE = "arn:aws-cn:iam::111122223333:role/Ops";
    private final Evaluator evaluator = ChinaFixture.CN;

    @ParameterizedTest(name = "{0} ~ {1} (ignoreCase {2}) = {3}")
    @CsvSource({
        "*, anything, false, true",
        "s3:Get*, s3:GetObject, false, true",
        "s3:Get*, s3:getobject, false, false",
        "s3:Get*, s3:getobject, true, true",
        "s3:?etObject, s3:GetObject, false, true",
        "s3:?etObject, s3:etObject, false, false",
        "*Object, s3:GetObject, false, true",
        "a*b*c, aXXbYYc, false, true",
        "a*b*c, aXXbYY, false, false",
        "'', '', false, true",
        "'', x, false, false",
        "**, '', false, true",
    })
    void wildcards(String pattern, String text, boolean ignoreCase, boolean expected) {
        assertThat(Evaluator.wildcardMatches(pattern, text, ignoreCase)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "\"Action\": \"s3:GetObject\" | s3:GetObject | true",
        "\"Action\": \"S3:getobject\" | s3:GetObject | true",
        "\"Action\": [\"ec2:*\", \"s3:Put*\"] | s3:PutObject | true",
        "\"Action\": [\"ec2:*\", \"s3:Put*\"] | s3:GetObject | false",
        "\"Action\": \"*\" | iam:CreateRole | true",
        "\"Action\": \"iam:*Role\" | iam:CreateRole | true",
        "\"Action\": \"iam:*Role\" | iam:CreateRoles | false",
        "\"NotAction\": [\"iam:*\", \"organizations:*\"] | iam:CreateRole | false",
        "\"NotAction\": [\"iam:*\", \"organizations:*\"] | s3:GetObject | true",
        "\"NotAction\": \"IAM:*\" | iam:CreateRole | false",
    })
    void actions(String actionElement, String action, boolean expected) {
        Statement s = stmt("\"Effect\": \"Deny\", " + actionElement + ", \"Resource\": \"*\"");

        StatementMatch match = evaluator.match(s, new Request(action, "*", ROLE, Map.of()));

        assertThat(match.matched()).isEqualTo(expected);
        if (!expected) {
            assertThat(match.failedElement()).isEqualTo(actionElement.contains("NotAction") ? "NotAction" : "Action");
        }
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "\"Resource\": \"*\" | arn:aws-cn:s3:::bucket/key | true",
        "\"Resource\": \"arn:aws-cn:s3:::bucket/*\" | arn:aws-cn:s3:::bucket/a/b | true",
        "\"Resource\": \"arn:aws-cn:s3:::bucket/*\" | arn:aws-cn:s3:::Bucket/a | false",
        "\"Resource\": \"arn:aws:s3:::bucket/*\" | arn:aws-cn:s3:::bucket/a | false",
        "\"Resource\": \"arn:*:s3:::bucket/*\" | arn:aws-cn:s3:::bucket/a | true",
        "\"Resource\": \"arn:aws-cn:iam::*:role/x\" | arn:aws-cn:iam::1:2:role/x | false",
        "\"Resource\": \"arn:aws-cn:ec2:cn-*:*:instance/*\" | arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1 | true",
        "\"Resource\": \"arn:aws-cn:ec2:cn-*:*:instance/*\" | arn:aws-cn:ec2:us-east-1:111122223333:instance/i-1 | false",
        "\"Resource\": \"arn:aws-cn:ec2:CN-NORTH-1:*:instance/*\" | arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1 | false",
        "\"Resource\": \"arn:aws-cn:iam::${aws:PrincipalAccount}:role/*\" | arn:aws-cn:iam::111122223333:role/Ops | true",
        "\"Resource\": \"arn:aws-cn:iam::${aws:PrincipalAccount}:role/*\" | arn:aws-cn:iam::444455556666:role/Ops | false",
        "\"Resource\": \"arn:aws-cn:iam::${aws:NoSuchKey}:role/*\" | arn:aws-cn:iam::111122223333:role/Ops | false",
        "\"NotResource\": \"arn:aws-cn:iam::${aws:NoSuchKey}:role/*\" | arn:aws-cn:iam::111122223333:role/Ops | true",
        "\"NotResource\": [\"arn:aws-cn:s3:::logs\", \"arn:aws-cn:s3:::logs/*\"] | arn:aws-cn:s3:::logs/x | false",
        "\"NotResource\": [\"arn:aws-cn:s3:::logs\", \"arn:aws-cn:s3:::logs/*\"] | arn:aws-cn:s3:::data/x | true",
        "\"Resource\": \"arn:${aws:PrincipalTag/partition}:s3:::bucket/*\" | arn:aws-cn:s3:::bucket/a | true",
        // a variable is one piece of its field: a ':' in its value separates no fields
        "\"Resource\": \"arn:${aws:PrincipalTag/path}:::x:y\" | arn:aws-cn:s3:::x:y | false",
    })
    void resources(String resourceElement, String resource, boolean expected) {
        Statement s = stmt("\"Effect\": \"Deny\", \"Action\": \"*\", " + resourceElement);

        StatementMatch match = evaluator.match(s, new Request("s3:GetObject", resource, ROLE,
                Map.of("aws:PrincipalAccount", List.of("111122223333"), "aws:PrincipalTag/partition", List.of("aws-cn"),
                        "aws:PrincipalTag/path", List.of("aws-cn:s3"))));

        assertThat(match.matched()).isEqualTo(expected);
    }

    @Test
    void anScpWithoutResourceCoversEveryResource() {
        Statement s = stmt("\"Effect\": \"Deny\", \"Action\": \"s3:*\"");

        assertThat(evaluator.match(s, new Request("s3:GetObject", "arn:aws-cn:s3:::any/thing", ROLE, Map.of())).matched()).isTrue();
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "\"Principal\": \"*\" | arn:aws-cn:iam::111122223333:role/Ops | true",
        "\"Principal\": {\"AWS\": \"*\"} | arn:aws-cn:iam::111122223333:role/Ops | true",
        "\"Principal\": {\"AWS\": \"arn:aws-cn:iam::111122223333:role/Ops\"} | arn:aws-cn:iam::111122223333:role/Ops | true",
        "\"Principal\": {\"AWS\": \"arn:aws-cn:iam::111122223333:role/Ops\"} | arn:aws-cn:iam::111122223333:role/Dev | false",
        "\"Principal\": {\"AWS\": \"111122223333\"} | arn:aws-cn:iam::111122223333:role/Dev | true",
        "\"Principal\": {\"AWS\": \"arn:aws-cn:iam::111122223333:root\"} | arn:aws-cn:iam::111122223333:role/Dev | true",
        "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"} | arn:aws-cn:iam::111122223333:role/Dev | false",
        "\"Principal\": {\"AWS\": \"444455556666\"} | arn:aws-cn:iam::111122223333:role/Dev | false",
        "\"NotPrincipal\": {\"AWS\": \"arn:aws-cn:iam::111122223333:role/Ops\"} | arn:aws-cn:iam::111122223333:role/Ops | false",
        "\"NotPrincipal\": {\"AWS\": \"arn:aws-cn:iam::111122223333:role/Ops\"} | arn:aws-cn:iam::111122223333:role/Dev | true",
    })
    void principalsOfResourcePolicies(String principalElement, String principalArn, boolean expected) {
        Statement s = stmt("\"Effect\": \"Allow\", " + principalElement + ", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"");

        StatementMatch match = evaluator.match(s, new Request("s3:GetObject", "arn:aws-cn:s3:::b/k", principalArn, Map.of()));

        assertThat(match.matched()).isEqualTo(expected);
    }

    @Test
    void aFailedConditionIsNamedWithItsReason() {
        Statement s = stmt("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"cn-north-1\", \"cn-northwest-1\"]}}");

        StatementMatch match = evaluator.match(s, new Request("ec2:RunInstances", "*", ROLE,
                Map.of("aws:RequestedRegion", List.of("cn-northwest-1"))));

        assertThat(match.matched()).isFalse();
        assertThat(match.failedElement()).isEqualTo("Condition");
        assertThat(match.explanation()).contains("StringNotEquals aws:RequestedRegion");
    }

    // ---- decide ----

    private static final String POLICIES = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "AllowAll", "Effect": "Allow", "Action": "*", "Resource": "*"},
              {"Sid": "DenyOutsideChina", "Effect": "Deny", "NotAction": ["iam:*", "organizations:*", "support:*"], "Resource": "*",
               "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1", "cn-northwest-1"]}}},
              {"Sid": "ProtectTrail", "Effect": "Deny", "Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], "Resource": "*",
               "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws-cn:iam::*:role/Admin"}}}
            ]}""";

    private Decision decide(String action, String region, String principal) {
        List<SourcedPolicy> policies = List.of(new SourcedPolicy("guardrails.json", PolicyParser.parse(POLICIES).policy()));
        return evaluator.decide(policies, new Request(action, "*", principal, Map.of("aws:RequestedRegion", List.of(region))));
    }

    @Test
    void aDenyThatMatchesWinsAndIsNamed() {
        Decision d = decide("cloudtrail:StopLogging", "cn-north-1", ROLE);

        assertThat(d.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(d.statements()).containsExactly(new Decision.DecidingStatement("guardrails.json", 2, "ProtectTrail"));
    }

    @Test
    void everyMatchingDenyIsNamed() {
        Decision d = decide("cloudtrail:StopLogging", "us-east-1", ROLE);

        assertThat(d.statements()).extracting(Decision.DecidingStatement::sid).containsExactly("DenyOutsideChina", "ProtectTrail");
    }

    @Test
    void allowedWhereAnAllowMatchesAndNoDenyDoes() {
        Decision d = decide("cloudtrail:StopLogging", "cn-north-1", "arn:aws-cn:iam::111122223333:role/Admin");

        assertThat(d.outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(d.statements()).containsExactly(new Decision.DecidingStatement("guardrails.json", 0, "AllowAll"));
    }

    @Test
    void implicitDenyWhenNoAllowMatches() {
        String onlyS3 = """
                {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""";
        List<SourcedPolicy> policies = List.of(new SourcedPolicy("s3-only", PolicyParser.parse(onlyS3).policy()));

        Decision d = evaluator.decide(policies, new Request("ec2:RunInstances", "*", ROLE, Map.of()));

        assertThat(d.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(d.statements()).isEmpty();
    }

    @Test
    void aGlobalServiceIsExemptedByNotAction() {
        assertThat(decide("iam:CreateRole", "us-east-1", ROLE).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
    }
}
