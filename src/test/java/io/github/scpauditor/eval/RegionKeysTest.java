package io.github.scpauditor.eval;

import static io.github.scpauditor.eval.ChinaFixture.stmt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Service keys carrying the request's region (ec2:Region, s3:LocationConstraint), evaluated as aws:RequestedRegion. */
class RegionKeysTest {
    private static final Evaluator CN = ChinaFixture.CN;
    private static final List<String> CHINA = List.of("cn-north-1", "cn-northwest-1");

    private static Map<String, TriBool> byRegion(Statement s) {
        return CN.regionRestriction(s).orElseThrow().byRegion();
    }

    @Test
    void ec2RegionNamingAForeignRegionHoldsInEveryChinaRegion() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*",
                "Condition": {"StringNotEquals": {"ec2:Region": "eu-central-1"}}""");

        assertThat(CN.regionConditions(s)).hasSize(1);
        assertThat(byRegion(s)).isEqualTo(Map.of("cn-north-1", TriBool.TRUE, "cn-northwest-1", TriBool.TRUE));
        assertThat(CN.canMatch(s, "ec2", "cn-north-1")).isEqualTo(TriBool.TRUE);
    }

    @Test
    void ec2RegionNamingTheChinaRegionsSparesBoth() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "ec2:*", "Resource": "*",
                "Condition": {"StringNotEquals": {"ec2:Region": ["cn-north-1", "cn-northwest-1"]}}""");

        assertThat(byRegion(s)).isEqualTo(Map.of("cn-north-1", TriBool.FALSE, "cn-northwest-1", TriBool.FALSE));
    }

    @Test
    void anAllowListOnEc2RegionOfForeignRegionsIsDead() {
        Statement s = stmt("""
                "Effect": "Allow", "Action": "ec2:*", "Resource": "*",
                "Condition": {"StringEquals": {"ec2:Region": ["eu-central-1"]}}""");

        assertThat(CN.reach(s).reasons()).containsExactly(
                new DeadReason.NoRegionSatisfies("StringEquals", "ec2:Region", List.of("eu-central-1"), CHINA));
    }

    @Test
    void ec2RegionTakesTheSameRegionAsAwsRequestedRegion() {
        Statement s = stmt("""
                "Effect": "Allow", "Action": "ec2:*", "Resource": "*",
                "Condition": {"StringEquals": {"aws:RequestedRegion": "cn-north-1",
                  "ec2:Region": "cn-northwest-1"}}""");

        assertThat(CN.reach(s).dead()).isTrue();
        assertThat(CN.reach(s).reasons()).containsExactly(
                new DeadReason.NoRegionSatisfies("StringEquals", "aws:RequestedRegion", List.of("cn-north-1"), CHINA,
                        List.of("cn-north-1")),
                new DeadReason.NoRegionSatisfies("StringEquals", "ec2:Region", List.of("cn-northwest-1"), CHINA,
                        List.of("cn-northwest-1")));
    }

    @Test
    void locationConstraintOnCreateBucketIsTheNewBucketsRegionOrAbsent() {
        Statement s = stmt("""
                "Effect": "Deny", "Action": "s3:CreateBucket", "Resource": "*",
                "Condition": {"StringNotEquals": {"s3:LocationConstraint": ["cn-north-1", "cn-northwest-1"]}}""");
        Condition c = s.conditions().get(0);

        // Present it names a China region and the Deny spares it; absent StringNotEquals holds: undecided.
        assertThat(CN.conditionInPartition(s, c, "cn-north-1").result()).isEqualTo(TriBool.UNKNOWN);
        assertThat(byRegion(s)).isEqualTo(Map.of("cn-north-1", TriBool.UNKNOWN, "cn-northwest-1", TriBool.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringNotEquals", "StringNotEqualsIfExists"})
    void aLocationConstraintAllowListOfForeignRegionsHoldsWhetherOrNotTheKeyIsThere(String operator) {
        Statement s = stmt("\"Effect\": \"Deny\", \"Action\": \"s3:CreateBucket\", \"Resource\": \"*\","
                + " \"Condition\": {\"" + operator + "\": {\"s3:LocationConstraint\": \"eu-central-1\"}}");

        assertThat(byRegion(s)).isEqualTo(Map.of("cn-north-1", TriBool.TRUE, "cn-northwest-1", TriBool.TRUE));
    }

    @Test
    void aLocationConstraintListUnderStringEqualsOfForeignRegionsNeverHolds() {
        Statement s = stmt("""
                "Effect": "Allow", "Action": "s3:CreateBucket", "Resource": "*",
                "Condition": {"StringEquals": {"s3:LocationConstraint": ["eu-central-1", "eu-west-1"]}}""");

        assertThat(CN.reach(s).dead()).isTrue();
    }

    @Test
    void nullOnLocationConstraintIsUndecidedAndNullOnEc2RegionIsDecided() {
        assertThat(CN.reach(stmt("""
                "Effect": "Deny", "Action": "s3:CreateBucket", "Resource": "*",
                "Condition": {"Null": {"s3:LocationConstraint": "true"}}""")).dead()).isFalse();
        assertThat(CN.reach(stmt("""
                "Effect": "Deny", "Action": "ec2:*", "Resource": "*",
                "Condition": {"Null": {"ec2:Region": "true"}}""")).dead()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"Action\": \"*\", \"Condition\": {\"StringNotEquals\": {\"ec2:Region\": \"eu-central-1\"}}",
        "\"Action\": [\"ec2:*\", \"s3:*\"], \"Condition\": {\"StringNotEquals\": {\"ec2:Region\": \"eu-central-1\"}}",
        "\"NotAction\": \"s3:*\", \"Condition\": {\"StringNotEquals\": {\"ec2:Region\": \"eu-central-1\"}}",
        "\"Action\": \"ec?:*\", \"Condition\": {\"StringNotEquals\": {\"ec2:Region\": \"eu-central-1\"}}",
        "\"Action\": [\"s3:CreateBucket\", \"s3:Put*\"]"
            + ", \"Condition\": {\"StringLike\": {\"s3:LocationConstraint\": \"x\"}}",
        "\"Action\": \"s3:Create*\", \"Condition\": {\"StringNotEquals\": {\"s3:LocationConstraint\": \"x\"}}",
        "\"Action\": \"s3:CreateAccessPoint\", \"Condition\": {\"StringLike\": {\"s3:LocationConstraint\": \"x\"}}",
        "\"Action\": \"ec2:*\", \"Condition\": {\"StringNotEquals\": {\"ec2:AvailabilityZone\": \"eu-central-1a\"}}"
    })
    void aKeyIsTheRegionOnlyWhenEveryActionOfTheStatementCarriesItAsSuch(String members) {
        Statement s = stmt("\"Effect\": \"Deny\", \"Resource\": \"*\", " + members);

        assertThat(CN.regionConditions(s)).isEmpty();
        assertThat(CN.regionRestriction(s)).isEmpty();
        assertThat(CN.conditionInPartition(s, s.conditions().get(0), "cn-north-1").result()).isEqualTo(TriBool.UNKNOWN);
    }
}
