package io.github.scpauditor.partition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What exists in one AWS partition: its regions, the services it offers and the region that the
 * requests of its global services are signed for. Built from the AWS SDK's endpoint metadata.
 * API CONTRACT — bodies to be implemented (partition helper).
 */
public final class Partition {

    /** "aws-cn", "aws", "aws-us-gov" (and any other partition the SDK knows); IllegalArgumentException otherwise. */
    public static Partition of(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    public String id() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The partition's regions, sorted (e.g. [cn-north-1, cn-northwest-1]). */
    public List<String> regions() {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean isRegion(String region) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Is the service with this IAM prefix (e.g. "bedrock", "cloudwatch", "sagemaker") offered here? Case-insensitive. */
    public Availability offers(String iamPrefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** For a global service (IAM prefix), the region its requests are signed for here: aws:RequestedRegion's value. */
    public Optional<String> signingRegion(String iamPrefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every global service of the partition, IAM prefix to signing region, sorted by prefix. */
    public Map<String, String> globalServices() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The IAM action and condition-key index (shared by all partitions). */
    public ActionIndex actions() {
        throw new UnsupportedOperationException("TODO");
    }
}
