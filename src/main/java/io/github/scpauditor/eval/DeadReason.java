package io.github.scpauditor.eval;

import java.util.List;

/** Why a statement can match no request in the partition: typed, so checks word the message and fix. */
public sealed interface DeadReason {

    /** A reason that is one condition of the statement, named by its operator and key as written. */
    sealed interface OfCondition extends DeadReason {
        String operator();

        String key();
    }

    /** Every service its Action names is not offered in the partition. */
    record ServicesUnavailable(List<String> services) implements DeadReason {
    }

    /**
     * NotAction excludes every known action of every offered service; {@code unavailableLeft} are the
     * services it leaves out of the exclusion that the partition does not offer.
     */
    record NotActionExcludesAll(List<String> unavailableLeft) implements DeadReason {
    }

    /** Every Resource entry is an ARN of another partition (or a region outside it), or NotResource has "*". */
    record ResourcesNeverMatch(List<String> resources) implements DeadReason {
    }

    /**
     * Resource entries whose region field names a region, while every resource type of their service they could name
     * has an ARN with an empty region field ("arn:aws-cn:s3:cn-north-1::logs": S3 bucket and object ARNs have none).
     * With the entries of {@link ResourcesNeverMatch}, if the statement has that reason too, they are all its entries.
     */
    record RegionInRegionlessArns(List<String> resources) implements DeadReason {
    }

    /**
     * No aws:RequestedRegion the statement's requests can carry satisfies this region condition (on that key, or on
     * a key carrying the same region, such as ec2:Region) together with the statement's other region conditions.
     * {@code requestRegions} are those values: the partition's regions, or only the signing regions of global
     * services when every action the statement reaches is of one (IAM's requests carry cn-north-1). {@code holdsIn}
     * are the request regions where this condition alone can hold: empty when it holds in none, otherwise another
     * region condition fails there (StringEquals "cn-north-1" beside StringLike "*west*").
     */
    record NoRegionSatisfies(String operator, String key, List<String> values, List<String> requestRegions,
            List<String> holdsIn) implements OfCondition {
        public NoRegionSatisfies {
            values = List.copyOf(values);
            requestRegions = List.copyOf(requestRegions);
            holdsIn = List.copyOf(holdsIn);
        }

        /** A condition that holds in no region of the statement's requests on its own. */
        public NoRegionSatisfies(String operator, String key, List<String> values, List<String> requestRegions) {
            this(operator, key, values, requestRegions, List.of());
        }
    }

    /** The condition needs a key that is never present in this partition (e.g. a Bedrock key). */
    record KeyNeverPresent(String operator, String key) implements OfCondition {
    }

    /**
     * No value of the partition can satisfy this condition: e.g. an ARN condition naming only arn:aws: ARNs, or only
     * ARNs with a region where their resource type has none ("arn:aws-cn:iam:cn-north-1::role/x").
     */
    record ConditionNeverTrue(String operator, String key, List<String> values) implements OfCondition {
    }

    /**
     * The condition's operator (StringEquals…) compares the * and ? of its values as written, and no value of its
     * key has them: no principal ARN contains * ("arn:aws-cn:iam::*:root" equals no root user's ARN).
     */
    record WildcardsTakenLiterally(String operator, String key, List<String> values) implements OfCondition {
    }
}
