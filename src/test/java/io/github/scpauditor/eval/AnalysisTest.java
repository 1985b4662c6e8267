package io.github.scpauditor.eval;

import static io.github.scpauditor.eval.ChinaFixture.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What statements can match in aws-cn, with the partition's real facts (SDK endpoint data, IAM index). */
class AnalysisTest {
    private static final Evaluator CN = ChinaFixture.CN;

    private static final List<String> CHINA = List.of("cn-north-1", "cn-northwest-1");

    private static Reach reach(String members) {
        return CN.reach(stmt(members));
    }

    @Test
    void bedrockCrossRegionInferenceBlogScpIsDeadInChina() {
        Reach r = reach("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-2"},
                  "ArnNotLike": {"bedrock:InferenceProfileArn": "arn:aws:bedrock:us-east-2:*:inference-profile/us.*"}}""");

        assertThat(r.dead()).isTrue();
        assertThat(r.reasons()).containsExactly(new DeadReason.NoRegionSatisfies("StringEquals", "aws:RequestedRegion", List.of("us-east-2"), CHINA));
    }

    @Test
    void aDenyOnBedrockOnlyIsDead() {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"bedrock:*\", \"Resource\": \"*\"").reasons())
                .containsExactly(new DeadReason.ServicesUnavailable(List.of("bedrock")));
    }

    @Test
    void aDenyOnBedrockAndControlTowerNamesBoth() {
        Reach r = reach("\"Effect\": \"Deny\", \"Action\": [\"bedrock:InvokeModel\", \"controltower:*\"], \"Resource\": \"*\"");

        assertThat(r.dead()).isTrue();
        assertThat(r.reasons()).containsExactly(new DeadReason.ServicesUnavailable(List.of("bedrock", "controltower")));
    }

    @Test
    void aDenyOnBedrockAndS3IsAlive() {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": [\"bedrock:*\", \"s3:*\"], \"Resource\": \"*\""))
                .isEqualTo(new Reach(false, List.of()));
    }

    @Test
    void iamIsSignedForBeijingSoADenyOutsideNingxiaReachesIt() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "iam:*", "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-northwest-1"]}}""");

        assertThat(CN.reach(s).dead()).isFalse();
        assertThat(CN.canMatch(s, "iam", "cn-north-1")).isEqualTo(TriBool.TRUE);
    }

    @Test
    void aDenyOnIamCallsOutsideBeijingNeverApplies() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": ["iam:CreateUser", "iam:Delete*"], "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1"]}}""");

        assertThat(CN.reach(s).reasons())
                .containsExactly(new DeadReason.NoRegionSatisfies("StringNotEquals", "aws:RequestedRegion", List.of("cn-north-1"),
                        List.of("cn-north-1")));
        assertThat(CN.canMatch(s, "iam", "cn-north-1")).isEqualTo(TriBool.FALSE);
    }

    @Test
    void passRoleCarriesTheRegionOfTheCallThatPassesTheRole() {
        // ec2:RunInstances in Ningxia checks iam:PassRole with aws:RequestedRegion cn-northwest-1, not IAM's cn-north-1.
        Statement iamOutsideBeijing = stmt("""
                "Effect": "Deny", "Action": "iam:*", "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1"]}}""");
        Statement passRoleInNingxia = stmt("""
                "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*",
                "Condition": {"StringEquals": {"aws:RequestedRegion": "cn-northwest-1"}}""");
        Statement passRoleInVirginia = stmt("""
                "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*",
                "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}""");

        assertThat(CN.reach(iamOutsideBeijing).dead()).isFalse();
        assertThat(CN.canMatch(iamOutsideBeijing, "iam", "cn-north-1")).isEqualTo(TriBool.FALSE);
        assertThat(CN.reach(passRoleInNingxia).dead()).isFalse();
        assertThat(CN.reach(passRoleInVirginia).reasons()).containsExactly(new DeadReason.NoRegionSatisfies(
                "StringEquals", "aws:RequestedRegion", List.of("us-east-1"), CHINA));
    }

    @Test
    void passRoleAloneIsNoRequestToIamsEndpoint() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-northwest-1"]}}""");

        assertThat(CN.canMatch(s, "iam", "cn-north-1")).isNotEqualTo(TriBool.TRUE);
        assertThat(CN.canMatch(stmt("\"Effect\": \"Deny\", \"NotAction\": \"iam:PassRole\""), "iam", "cn-north-1"))
                .isEqualTo(TriBool.TRUE);
    }

    private static final String REGION_DENY_NINGXIA_ONLY = """
            "Effect": "Deny", "NotAction": ["iam:*", "sts:*", "support:*"], "Resource": "*",
            "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-northwest-1"]}}""";

    @Test
    void aRegionDenyThatKeepsNingxiaDeniesGlobalServicesSignedForBeijing() {
        Statement s = stmt(REGION_DENY_NINGXIA_ONLY);

        assertThat(CN.canMatch(s, "iam", "cn-north-1")).isEqualTo(TriBool.FALSE);
        assertThat(CN.canMatch(s, "organizations", "cn-northwest-1")).isEqualTo(TriBool.FALSE);
        assertThat(CN.canMatch(s, "ec2", "cn-north-1")).isEqualTo(TriBool.TRUE);
        assertThat(CN.canMatch(s, "bedrock", "cn-north-1")).isEqualTo(TriBool.FALSE);
        assertThat(CN.regionRestriction(s)).hasValue(new RegionRestriction(
                Map.of("cn-north-1", TriBool.TRUE, "cn-northwest-1", TriBool.FALSE), java.util.Set.of("cn-northwest-1")));
    }

    @Test
    void aRegionDenyThatKeepsBeijingDeniesGlobalServicesSignedForNingxia() {
        Statement s = stmt("""
                "Effect": "Deny", "NotAction": ["iam:*", "support:*"], "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1"]}}""");

        assertThat(CN.canMatch(s, "organizations", "cn-northwest-1")).isEqualTo(TriBool.TRUE);
        assertThat(CN.canMatch(s, "route53", "cn-northwest-1")).isEqualTo(TriBool.TRUE);
        assertThat(CN.canMatch(s, "iam", "cn-north-1")).isEqualTo(TriBool.FALSE);
        assertThat(CN.canMatch(s, "ec2", "cn-north-1")).isEqualTo(TriBool.FALSE);
    }

    @Test
    void aRegionConditionWithAVariableIsUnknownInEveryRegion() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": "${aws:PrincipalTag/home}"}}""");

        assertThat(CN.regionRestriction(s).orElseThrow().byRegion())
                .isEqualTo(Map.of("cn-north-1", TriBool.UNKNOWN, "cn-northwest-1", TriBool.UNKNOWN));
    }

    @Test
    void aRegionDenyAllowingBothChinaRegionsNeverApplies() {
        Statement s = stmt("""
                "Effect": "Deny", "NotAction": ["iam:*", "organizations:*", "support:*"], "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1", "cn-northwest-1", "us-east-1"]}}""");

        assertThat(CN.reach(s).reasons()).containsExactly(new DeadReason.NoRegionSatisfies("StringNotEquals", "aws:RequestedRegion",
                List.of("cn-north-1", "cn-northwest-1", "us-east-1"), CHINA));
        assertThat(CN.regionRestriction(s).orElseThrow().byRegion())
                .isEqualTo(Map.of("cn-north-1", TriBool.FALSE, "cn-northwest-1", TriBool.FALSE));
    }

    @Test
    void controlTowerEmptyRegionListDeniesInEveryRegion() {
        Statement s = stmt("""
                "Sid": "GRREGIONDENY", "Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": []}}""");

        assertThat(CN.reach(s).dead()).isFalse();
        assertThat(CN.regionRestriction(s).orElseThrow().byRegion())
                .isEqualTo(Map.of("cn-north-1", TriBool.TRUE, "cn-northwest-1", TriBool.TRUE));
        assertThat(CN.regionRestriction(s).orElseThrow().mentionedRegions()).isEmpty();
    }

    @Test
    void aStatementWithoutRegionConditionHasNoRestriction() {
        assertThat(CN.regionRestriction(stmt("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\""))).isEmpty();
    }

    @Test
    void notActionOfEverythingIsDead() {
        assertThat(reach("\"Effect\": \"Deny\", \"NotAction\": \"*\", \"Resource\": \"*\"").dead()).isTrue();
    }

    @Test
    void notActionOfAFewServicesIsAlive() {
        assertThat(reach("\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"s3:*\", \"bedrock:*\"], \"Resource\": \"*\"").dead()).isFalse();
    }

    @Test
    void notActionExcludingOneServiceLeavesItUnmatchable() {
        Statement s = stmt("\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:AssumeRole\"], \"Resource\": \"*\"");

        assertThat(CN.canMatch(s, "iam", "cn-north-1")).isEqualTo(TriBool.FALSE);
        assertThat(CN.canMatch(s, "sts", "cn-north-1")).isEqualTo(TriBool.TRUE);
    }

    @Test
    void notActionListingEveryKnownActionOfAServiceExcludesIt() {
        List<String> actions = Partition.of("aws-cn").actions().actions("organizations");
        String all = actions.stream().map(a -> "\"organizations:" + a + "\"").collect(java.util.stream.Collectors.joining(", "));
        String allButOne = actions.stream().skip(1).map(a -> "\"organizations:" + a + "\"")
                .collect(java.util.stream.Collectors.joining(", "));

        assertThat(CN.canMatch(stmt("\"Effect\": \"Deny\", \"NotAction\": [" + all + "]"), "organizations", "cn-northwest-1"))
                .isEqualTo(TriBool.FALSE);
        assertThat(CN.canMatch(stmt("\"Effect\": \"Deny\", \"NotAction\": [" + allButOne + "]"), "organizations", "cn-northwest-1"))
                .isEqualTo(TriBool.TRUE);
    }

    @Test
    void aServiceTheSdkDoesNotKnowMayBeMatched() {
        Statement s = stmt("\"Effect\": \"Deny\", \"Action\": \"q:*\"");

        assertThat(CN.canMatch(s, "q", "cn-north-1")).isEqualTo(TriBool.UNKNOWN);
        assertThat(CN.canMatch(s, "s3", "cn-north-1")).isEqualTo(TriBool.FALSE);
    }

    @Test
    void anActionNotInTheIndexOfAnOfferedServiceMayBeMatched() {
        assertThat(CN.canMatch(stmt("\"Effect\": \"Deny\", \"Action\": \"s3:GetObjectNewFeature\""), "s3", "cn-north-1"))
                .isEqualTo(TriBool.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:*:s3:::logs/*", "arn:aws-cn:s3:::logs/*", "arn:aws*:s3:::logs/*", "*",
        "arn:aws-cn:ec2:cn-north-1:*:instance/*", "arn:aws-cn:ec2:*:*:instance/*", "arn:${aws:Partition}:s3:::x",
        "arn:aws-cn:cloudtrail:${Region}:${Account}:trail/x"})
    void resourcesThatCanBeInChinaAreAlive(String resource) {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"" + resource + "\"").dead()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:s3:::logs/*", "arn:aws-us-gov:s3:::logs", "arn:aws-cn:ec2:us-east-1:*:instance/*",
        "arn:aws-cn:ec2:cn-north1:*:instance/*", "arn:aws:s3:::aws-controltower-logs-${aws:PrincipalAccount}/*",
        "arn:aws:iam::${aws:PrincipalAccount}:role/x", "arn:aws:cloudtrail:${Region}:${Account}:trail/x",
        "arn:aws:ec2:${aws:RequestedRegion}:*:instance/*"})
    void resourcesOutsideChinaNeverMatch(String resource) {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": [\"" + resource + "\"]").reasons())
                .containsExactly(new DeadReason.ResourcesNeverMatch(List.of(resource)));
    }

    @Test
    void oneChinaResourceAmongForeignOnesKeepsTheStatementAlive() {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": [\"arn:aws:s3:::a\", \"arn:aws-cn:s3:::a\"]").dead()).isFalse();
    }

    @Test
    void notResourceStarExcludesEverything() {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"*\"").reasons())
                .containsExactly(new DeadReason.ResourcesNeverMatch(List.of("*")));
    }

    @Test
    void notResourceWithForeignArnsExcludesNothing() {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::logs/*\"").dead()).isFalse();
    }

    @Test
    void nullFalseOnABedrockKeyIsDead() {
        assertThat(reach("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"Null": {"bedrock:InferenceProfileArn": "false"}}""").reasons())
                .containsExactly(new DeadReason.KeyNeverPresent("Null", "bedrock:InferenceProfileArn"));
    }

    @Test
    void stringEqualsOnABedrockKeyIsDead() {
        assertThat(reach("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"StringEquals": {"bedrock:ServiceTier": "priority"}}""").reasons())
                .containsExactly(new DeadReason.KeyNeverPresent("StringEquals", "bedrock:ServiceTier"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"Null\": {\"bedrock:InferenceProfileArn\": \"true\"}",
        "\"StringNotEquals\": {\"bedrock:ServiceTier\": \"priority\"}",
        "\"StringEqualsIfExists\": {\"bedrock:ServiceTier\": \"priority\"}",
        "\"ForAllValues:StringEquals\": {\"bedrock:ServiceTier\": \"priority\"}"})
    void conditionsThatHoldWhenTheBedrockKeyIsAbsentAreAlive(String condition) {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {" + condition + "}").dead()).isFalse();
    }

    @Test
    void anArnConditionNamingOnlyGlobalPartitionArnsNeverHolds() {
        Reach r = reach("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/Breakglass", "arn:aws:iam::*:role/Admin"]}}""");

        assertThat(r.reasons()).containsExactly(new DeadReason.ConditionNeverTrue("ArnLike", "aws:PrincipalArn",
                List.of("arn:aws:iam::*:role/Breakglass", "arn:aws:iam::*:role/Admin")));
    }

    @Test
    void aStringConditionOnThePrincipalArnNamingOnlyGlobalPartitionArnsNeverHolds() {
        assertThat(reach("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/Admin"}}""").dead()).isTrue();
    }

    @Test
    void anExemptionWrittenWithGlobalPartitionArnsExemptsNobody() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/AWSControlTowerExecution"}}""");

        ConditionVerdict v = CN.conditionInPartition(s, s.conditions().get(0), "cn-north-1");

        assertThat(v.result()).isEqualTo(TriBool.TRUE);
        assertThat(v.basis()).isEqualTo(ConditionVerdict.Basis.VALUES_NEVER_IN_PARTITION);
    }

    @Test
    void anExemptionWrittenForThePartitionDependsOnTheRequest() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {"ArnNotLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/Admin", "arn:aws-cn:iam::*:role/Admin"]}}""");

        assertThat(CN.conditionInPartition(s, s.conditions().get(0), "cn-north-1").result()).isEqualTo(TriBool.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"ArnNotLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/Admin\"}",
        "\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws-cn:iam::*:role/Admin\"}",
        "\"ArnLike\": {\"aws:PrincipalArn\": [\"arn:aws:iam::*:role/Admin\", \"arn:*:iam::*:role/Admin\"]}",
        "\"ForAllValues:ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/Admin\"}",
        "\"StringLike\": {\"aws:PrincipalArn\": \"arn:aws*\"}",
        "\"StringEquals\": {\"aws:PrincipalTag/team\": \"platform\"}",
        "\"Bool\": {\"aws:SecureTransport\": \"false\"}",
        "\"StringEquals\": {\"q:SomeKey\": \"x\"}",
        "\"StringEquals\": {\"aws:RequestedRegion\": \"${aws:PrincipalTag/home}\"}"})
    void conditionsThatAreMerelyUnknownOrTrueAreNeverDead(String condition) {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {" + condition + "}").dead()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3:GetObjekt", "q:*", "nosuchservice:DoThing", "*:Get*", "s?:Get*"})
    void actionsThatMayExistAreNeverDead(String action) {
        assertThat(reach("\"Effect\": \"Deny\", \"Action\": \"" + action + "\", \"Resource\": \"*\"").dead()).isFalse();
    }

    @Test
    void everyIndependentReasonIsReported() {
        Reach r = reach("\"Effect\": \"Deny\", \"Action\": \"bedrock:*\", \"Resource\": \"arn:aws:bedrock:*:*:*\"");

        assertThat(r.reasons()).containsExactly(new DeadReason.ServicesUnavailable(List.of("bedrock")),
                new DeadReason.ResourcesNeverMatch(List.of("arn:aws:bedrock:*:*:*")));
    }

    @Test
    void twoRegionConditionsThatContradictEachOtherAreDead() {
        Reach r = reach("""
                "Effect": "Deny", "Action": "ec2:*", "Resource": "*",
                "Condition": {"StringEquals": {"aws:RequestedRegion": "cn-north-1"}, "StringLike": {"aws:RequestedRegion": "*west*"}}""");

        assertThat(r.dead()).isTrue();
        assertThat(r.reasons()).containsExactly(
                new DeadReason.NoRegionSatisfies("StringEquals", "aws:RequestedRegion", List.of("cn-north-1"), CHINA,
                        List.of("cn-north-1")),
                new DeadReason.NoRegionSatisfies("StringLike", "aws:RequestedRegion", List.of("*west*"), CHINA,
                        List.of("cn-northwest-1")));
    }

    private static final String BOTH = "cn-north-1,cn-northwest-1";

    private static List<String> regions(String csv) {
        return csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static Condition condition(String operator, String key, String value) {
        return stmt("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"" + operator + "\": {\""
                + key + "\": \"" + value + "\"}}").conditions().get(0);
    }

    @ParameterizedTest(name = "{0} {1}: {2}, in lower case {3}")
    @CsvSource(delimiter = '|', value = {
        "StringLike | cn-* | " + BOTH + " | " + BOTH,
        "StringLike | * | " + BOTH + " | " + BOTH,
        "StringLike | cn-north-? | cn-north-1 | cn-north-1",
        "StringNotLike | CN-* | '' | " + BOTH,
        "StringNotEquals | CN-NORTH-1 | '' | cn-north-1",
        "StringEquals | Cn-NorthWest-1 | '' | cn-northwest-1",
        "StringNotEqualsIgnoreCase | CN-NORTH-1 | cn-north-1 | cn-north-1",
        "ForAnyValue:StringEqualsIgnoreCaseIfExists | Cn-NorthWest-1 | cn-northwest-1 | cn-northwest-1",
        "StringNotEquals | cn-* | '' | ''",
        "StringNotEquals | cn-north1 | '' | ''",
        "StringEquals | us-east-1 | '' | ''",
    })
    void aRegionValueNamesTheRegionsItsOperatorMatches(String operator, String value, String named, String inLowerCase) {
        assertThat(CN.regionsNamedBy(condition(operator, "aws:RequestedRegion", value), value))
                .hasValue(new NamedRegions(value, regions(named), regions(inLowerCase)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"StringNotEquals | ${aws:PrincipalTag/home-region}", "Null | false"})
    void variablesAndNullNameNoRegionsToJudge(String operator, String value) {
        assertThat(CN.regionsNamedBy(condition(operator, "aws:RequestedRegion", value), value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}, in lower case {2}")
    @CsvSource(delimiter = '|', value = {
        "arn:aws-cn:ec2:CN-NORTH-1:*:instance/* | CN-NORTH-1 | '' | cn-north-1",
        "arn:aws-cn:ec2:cn-*:*:instance/* | cn-* | " + BOTH + " | " + BOTH,
        "arn:aws-cn:ec2:us-east-1:*:instance/* | us-east-1 | '' | ''",
        "arn:${aws:PrincipalTag/p}:ec2:us-east-1:*:volume/* | us-east-1 | '' | ''",
    })
    void aResourceRegionFieldIsComparedPerPartAndCaseSensitively(String arn, String field, String named, String inLowerCase) {
        assertThat(CN.regionsNamedByResource(arn)).hasValue(new NamedRegions(field, regions(named), regions(inLowerCase)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws-cn:s3:::b", "arn:aws-cn:ec2:${aws:RequestedRegion}:*:instance/*", "arn:aws-cn:ec2", "*"})
    void resourcesWhoseRegionFieldDecidesNothing(String arn) {
        assertThat(CN.regionsNamedByResource(arn)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: {2}, in lower case {3}")
    @CsvSource(delimiter = '|', value = {
        "ArnLike | arn:aws-cn:sns:CN-NORTH-1:*:t | '' | cn-north-1",
        "StringEquals | arn:aws-cn:sns:CN-NORTH-1:1:t | '' | cn-north-1",
        "StringEqualsIgnoreCase | arn:aws-cn:sns:CN-NORTH-1:1:t | cn-north-1 | cn-north-1",
    })
    void anArnValueIsComparedAsItsOperatorCompares(String operator, String arn, String named, String inLowerCase) {
        assertThat(CN.regionsNamedByArnValue(condition(operator, "aws:SourceArn", arn), arn))
                .hasValue(new NamedRegions("CN-NORTH-1", regions(named), regions(inLowerCase)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "StringLike | aws:SourceArn | arn:*:sns:US-EAST-1:*:t", // as one string, '*' could span fields
        "StringEquals | aws:PrincipalTag/x | arn:aws-cn:sns:us-east-1:1:t", // a tag is any string, not an ARN
        "NumericEquals | aws:SourceArn | arn:aws-cn:sns:us-east-1:1:t",
    })
    void arnValuesWhoseRegionFieldDecidesNothing(String operator, String key, String arn) {
        assertThat(CN.regionsNamedByArnValue(condition(operator, key, arn), arn)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:s3:::b, false", "arn:*:s3:::b, true", "arn:aws*:iam::1:role/x, true", "arn:aws-cn:s3:::b, true",
        "arn:aws-us-gov:s3:::b, false", "arn:aws, false", "arn:aws*, true", "arn:AWS-CN:s3:::b, false",
        "arn:aws:s3:::logs-${aws:PrincipalAccount}, false", "arn:${aws:Partition}:s3:::b, true", "arn:a${x}:s3:::b, true",
        "arn:${aws:PrincipalTag/p}:s3:::b, true", "arn:aws:iam::${aws:PrincipalAccount}:role/x, false"})
    void arnPartitionFields(String arn, boolean inPartition) {
        assertThat(CN.arnInPartition(arn)).hasValue(inPartition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "bucket", "role/Admin", "111122223333"})
    void textsThatAreNotArns(String text) {
        assertThat(CN.arnInPartition(text)).isEmpty();
    }

    @Test
    void anActionPatternNamesItsServiceAndCountsKnownActions() {
        ActionPattern p = CN.action("bedrock:Invoke*");

        assertThat(p.unknownService()).isFalse();
        assertThat(p.services()).extracting(ActionPattern.ServiceMatch::prefix).containsExactly("bedrock");
        assertThat(p.services().get(0).availability()).isEqualTo(Availability.NO);
        assertThat(p.knownActions()).isEqualTo(p.services().get(0).knownActions()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTypoMatchesNoKnownAction() {
        ActionPattern p = CN.action("s3:GetObjekt");

        assertThat(p.unknownService()).isFalse();
        assertThat(p.knownActions()).isZero();
        assertThat(CN.action("s3:getobject").knownActions()).isEqualTo(1);
    }

    @Test
    void aWildcardPrefixTouchesEveryServiceWithSuchActions() {
        ActionPattern p = CN.action("*:GetCallerIdentity");

        assertThat(p.services()).extracting(ActionPattern.ServiceMatch::prefix).contains("sts", "s3", "bedrock");
        assertThat(p.knownActions()).isEqualTo(1);
    }

    @Test
    void anUnknownPrefixIsReported() {
        ActionPattern p = CN.action("bedrok:*");

        assertThat(p.unknownService()).isTrue();
        assertThat(p.services()).extracting(ActionPattern.ServiceMatch::prefix).containsExactly("bedrok");
        assertThat(p.knownActions()).isZero();
    }

    @Test
    void starMatchesEveryService() {
        ActionPattern p = CN.action("*");

        assertThat(p.services()).hasSize(Partition.of("aws-cn").actions().servicePrefixes().size());
        assertThat(p.knownActions()).isEqualTo(Partition.of("aws-cn").actions().servicePrefixes().stream()
                .mapToInt(s -> Partition.of("aws-cn").actions().actions(s).size()).sum());
    }

    @ParameterizedTest(name = "{2}: {0} covers {1}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "arn:aws-cn:iam::*:role/Admin | arn:aws-cn:iam::111122223333:role/Admin | - | true",
        "arn:aws-cn:iam::*:role/* | arn:aws-cn:iam::*:role/Admin* | ArnNotLike | true",
        "arn:aws*:iam::*:role/Admin | arn:aws-cn:iam::*:role/Admin | ArnLike | true",
        "arn:*:iam::*:role/Admin* | arn:aws-cn:iam::*:role/Admin | StringNotLike | true",
        "* | arn:aws-cn:s3:::b/* | - | true",
        "arn:aws-cn:s3:::corp-logs/* | arn:aws-cn:s3:::corp-* | - | false",
        "arn:aws-cn:iam::*:role/Admin? | arn:aws-cn:iam::*:role/Admin* | ArnLike | false",
        "arn:aws-cn:logs:*:*:log-group:x | arn:aws-cn:logs:cn-north-1:*:log-group:x | - | true",
        "arn:*:iam::*:role/Admin | arn:aws-cn:iam::*:role/Admin | StringNotEquals | false",
        "ARN:AWS-CN:iam::1:role/A | arn:aws-cn:iam::1:role/A | StringNotEqualsIgnoreCase | true",
        "ARN:AWS-CN:iam::1:role/A | arn:aws-cn:iam::1:role/A | StringNotLike | false",
        "arn:aws-cn:iam::*:role/${aws:username} | arn:aws-cn:iam::*:role/${aws:username} | ArnLike | true",
        "arn:aws-cn:iam::*:role/$* | arn:aws-cn:iam::*:role/${aws:username} | ArnLike | false",
        "arn:aws-cn:iam::*:role/* | arn:aws-cn:iam::*:role/x | NumericEquals | false"})
    void aValueCoversAnotherOnlyWhereItMatchesEverythingTheOtherMatches(String pattern, String named, String operator,
            boolean covers) {
        ConditionOperator op = operator == null ? null : ConditionOperator.byName(operator).orElseThrow();

        assertThat(CN.covers(pattern, named, op)).isEqualTo(covers);
    }
}
