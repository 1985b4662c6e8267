package io.github.scpauditor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.policy.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whether a Resource ARN (or an ARN condition value) names nothing because it has a region where its resource type
 * has none, answered from the ARN formats of the service authorization reference (bundled with the IAM index).
 */
class RegionlessArnsTest {
    private static final Evaluator CN = ChinaFixture.CN;

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws-cn:s3:cn-north-1::prod-logs", // bucket: arn:${Partition}:s3:::${BucketName}
        "arn:aws-cn:s3:cn-north-1::prod-logs/*", // object
        "arn:aws-cn:s3:cn-northwest-1:111122223333:prod-logs", // the account field does not make it an access point
        "arn:aws-cn:iam:cn-north-1:111122223333:role/BreakGlass",
        "arn:aws-cn:iam:cn-north-1:*:role/*", // wildcards in the resource part: still only IAM types, none regional
        "arn:aws-cn:route53:cn-northwest-1::hostedzone/Z1",
        "arn:aws-cn:s3:us-east-1::prod-logs", // the partition and region of the value are not this question's
        "arn:aws:iam:cn-north-1::role/x",
        "arn:aws-cn:ec2:cn-north-1:111122223333:ipam/x"}) // EC2 IPAM is global: arn:${Partition}:ec2::${Account}:ipam/…
    void aRegionWhereEveryTypeItCouldNameHasNoneNamesNothing(String arn) {
        assertThat(CN.regionFieldNamesNothing(arn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws-cn:s3:::prod-logs", // no region field
        "arn:aws-cn:s3:*::prod-logs", // * matches the empty region field
        "arn:aws-cn:s3:cn-north-?::prod-logs", // a wildcard: not certain enough to answer (left to a later version)
        "arn:aws-cn:s3:cn-north-1:111122223333:accesspoint/x", // access points have a region
        "arn:aws-cn:s3:cn-north-1:111122223333:*", // could be an access point or a job
        "arn:aws-cn:s3:cn-north-1::accesspoint/*", // a bucket named "accesspoint" or an access point: not certain
        "arn:aws-cn:s3:${aws:RequestedRegion}::prod-logs", // a variable
        "arn:aws-cn:s3:cn-north-1::${aws:PrincipalTag/bucket}",
        "arn:aws-cn:s*:cn-north-1::prod-logs", // a wildcard in the service field
        "arn:aws-cn:ec2:cn-north-1:111122223333:instance/*", // EC2 instances have a region
        "arn:aws-cn:lambda:cn-north-1:111122223333:function:f", // every lambda type has a region: not listed
        "arn:aws-cn:nosuchservice:cn-north-1::x", // unknown service
        "arn:aws-cn:ram:cn-north-1:111122223333:permission/x", // customer managed RAM permissions are regional
        "arn:aws-cn:S3:cn-north-1::prod-logs", // no service field "S3": unknown, so not certain
        "*", "arn:aws-cn:s3", "not-an-arn"})
    void anythingElseMayNameSomething(String arn) {
        assertThat(CN.regionFieldNamesNothing(arn)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arn:aws-cn:s3:cn-north-1::prod-logs|arn:aws-cn:s3:cn-north-1::prod-logs/*",
        "arn:aws-cn:iam:cn-north-1:111122223333:role/BreakGlass|arn:aws-cn:iam:cn-north-1:111122223333:user/x"})
    void aStatementWhoseEveryResourceHasARegionWhereNoneIsDead(String first, String second) {
        Reach reach = CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": [\"" + first
                + "\", \"" + second + "\"]"));
        assertThat(reach.reasons()).containsExactly(new DeadReason.RegionInRegionlessArns(List.of(first, second)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws-cn:s3:::prod-logs", "arn:aws-cn:s3:cn-north-1:111122223333:accesspoint/x",
        "arn:aws-cn:s3:*::prod-logs"})
    void oneResourceThatNamesSomethingKeepsTheStatementAlive(String other) {
        Reach reach = CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": "
                + "[\"arn:aws-cn:s3:cn-north-1::prod-logs\", \"" + other + "\"]"));
        assertThat(reach.dead()).isFalse();
    }

    /** A foreign partition is the first fault: that reason keeps the value, the region-less one takes the rest. */
    @Test
    void foreignValuesKeepTheirOwnReason() {
        Reach reach = CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": "
                + "[\"arn:aws:s3:cn-north-1::a\", \"arn:aws-cn:s3:cn-north-1::b\"]"));
        assertThat(reach.reasons()).containsExactly(
                new DeadReason.ResourcesNeverMatch(List.of("arn:aws:s3:cn-north-1::a")),
                new DeadReason.RegionInRegionlessArns(List.of("arn:aws-cn:s3:cn-north-1::b")));
    }

    /** NotResource naming nothing exempts nothing: the statement is alive (it applies to everything). */
    @Test
    void aNotResourceWithARegionWhereNoneLeavesTheStatementAlive() {
        assertThat(CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"s3:*\", "
                + "\"NotResource\": \"arn:aws-cn:s3:cn-north-1::prod-logs\"")).dead()).isFalse();
    }

    /** A positive ARN condition on a key holding ARNs whose every value has a region where its type has none. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ArnLike|aws:PrincipalArn|arn:aws-cn:iam:cn-north-1:*:role/Contractor*",
        "ArnEquals|aws:SourceArn|arn:aws-cn:s3:cn-north-1::prod-logs",
        "ArnLike|aws:PrincipalArn|arn:*:iam:cn-north-1:*:role/x", // per ARN part: the partition * stays in its field
        // compared as one string: the account * could reach into the resource part, but no IAM type has a region
        "StringLike|aws:PrincipalArn|arn:aws-cn:iam:cn-north-1:*:role/Contractor*",
        "StringEquals|aws:SourceArn|arn:aws-cn:s3:cn-north-1::prod-logs",
        "StringEquals|aws:PrincipalArn|arn:aws-cn:iam:cn-northwest-1:111122223333:role/BreakGlass"})
    void aConditionWhoseEveryValueHasARegionWhereNoneNeverHolds(String operator, String key, String value) {
        Reach reach = CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", "
                + "\"Condition\": {\"" + operator + "\": {\"" + key + "\": \"" + value + "\"}}"));
        assertThat(reach.reasons()).containsExactly(new DeadReason.ConditionNeverTrue(operator, key, List.of(value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ArnLike|aws:PrincipalArn|arn:aws-cn:iam::*:role/Contractor*", // no region: right
        "ArnLike|aws:SourceArn|arn:aws-cn:sns:cn-north-1:111122223333:alerts", // SNS topics have a region
        "ArnLike|aws:PrincipalArn|arn:aws-cn:iam:${aws:RequestedRegion}:*:role/x", // a variable
        "ArnLike|aws:SourceArn|arn:aws-cn:s3:cn-north-1::${aws:PrincipalTag/bucket}",
        "ArnLike|aws:PrincipalArn|arn:aws-cn:iam:cn-*:*:role/x", // a wildcard in the region field
        "ArnLike|aws:PrincipalTag/arn|arn:aws-cn:iam:cn-north-1::role/x", // a tag may hold any text
        "ArnLike|iam:PolicyARN|arn:aws-cn:iam:cn-north-1::policy/x", // not a key this knows to hold ARNs
        "ArnLikeIfExists|aws:SourceArn|arn:aws-cn:s3:cn-north-1::prod-logs", // holds when the key is absent
        "StringLike|aws:SourceArn|arn:aws-cn:s3:cn-north-1:*:prod-logs", // the account * could reach an access point
        "StringLike|aws:PrincipalArn|arn:*:iam:cn-north-1:*:role/x", // as one string, the * could shift the fields
        "StringEqualsIgnoreCase|aws:PrincipalArn|arn:aws-cn:iam:cn-north-1:111122223333:role/x"})
    void anyOtherConditionMayHold(String operator, String key, String value) {
        assertThat(CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", "
                + "\"Condition\": {\"" + operator + "\": {\"" + key + "\": \"" + value + "\"}}")).dead()).isFalse();
    }

    @Test
    void oneValueThatNamesSomethingKeepsTheConditionPossible() {
        assertThat(CN.reach(ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"iam:*\", \"Condition\": "
                + "{\"ArnLike\": {\"aws:PrincipalArn\": [\"arn:aws-cn:iam:cn-north-1:*:role/x\", "
                + "\"arn:aws-cn:iam::*:role/x\"]}}")).dead()).isFalse();
    }

    /** The negated form exempts nobody: it always holds, so the Deny applies to the principal it meant to spare. */
    @ParameterizedTest
    @ValueSource(strings = {"ArnNotLike", "StringNotLike"})
    void aNegatedConditionWithSuchValuesAlwaysHolds(String operator) {
        Statement s = ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"iam:*\", \"Resource\": \"*\", "
                + "\"Condition\": {\"" + operator + "\": {\"aws:PrincipalArn\": "
                + "\"arn:aws-cn:iam:cn-north-1:*:role/BreakGlass\"}}");
        ConditionVerdict v = CN.conditionInPartition(s, s.conditions().get(0), "cn-north-1");
        assertThat(v.result()).isEqualTo(TriBool.TRUE);
        assertThat(v.basis()).isEqualTo(ConditionVerdict.Basis.VALUES_NEVER_IN_PARTITION);
        assertThat(CN.reach(s).dead()).isFalse();
    }

    /** The first look that spares most ARNs the split: no region field, or an empty one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arn:aws-cn:iam::111122223333:role/x|true", "arn:aws-cn:s3:::logs|true", "arn:aws-cn:s3|true", "*|true",
        "arn:aws-cn:s3:|true", "arn:aws-cn:s3:cn-north-1::logs|false", "arn:aws-cn:s3:*::logs|false"})
    void aRegionFieldIsEmptyWithoutOneOrWithNothingInIt(String arn, boolean empty) {
        assertThat(ArnFields.regionFieldEmpty(arn)).isEqualTo(empty);
    }

    /** IAM matches ARNs per field, '*' any run of characters, so a region field * matches an empty one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arn:aws-cn:s3:*::prod-logs|arn:aws-cn:s3:::prod-logs|true",
        "arn:aws-cn:s3:cn-north-1::prod-logs|arn:aws-cn:s3:::prod-logs|false",
        "arn:aws-cn:s3:cn-*::prod-logs|arn:aws-cn:s3:::prod-logs|false"})
    void concreteMatchingAgrees(String pattern, String arn, boolean matches) {
        assertThat(Arns.matches(Glob.of(pattern), arn)).isEqualTo(matches);
    }

    /** Some string matches both patterns: how a Resource's resource part is held against a format's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prod-logs|*|true", "prod-logs/*|*/*|true", "prod-logs/*|accesspoint/*|false", "*|accesspoint/*|true",
        "a?c|*b*|true", "a?c|*d*|true", "abc|*d*|false", "ab*|*ba|true", "a*b|c*|false", "|*|true", "|?|false",
        "role/*|role/x|true",
        "x*y*z|*q*|true", "x?|x|false"})
    void globsIntersectWhenSomeStringMatchesBoth(String a, String b, boolean intersect) {
        String left = a == null ? "" : a;
        String right = b == null ? "" : b;
        assertThat(Glob.of(left).intersects(Glob.of(right))).isEqualTo(intersect);
        assertThat(Glob.of(right).intersects(Glob.of(left))).isEqualTo(intersect);
    }
}
