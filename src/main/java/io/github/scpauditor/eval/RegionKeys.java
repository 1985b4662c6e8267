package io.github.scpauditor.eval;

import java.util.List;
import java.util.Locale;

/**
 * The condition keys whose value is the region a request is for: aws:RequestedRegion on every request, and the
 * service keys below on their service's requests. The IAM data the action index is built from describes ec2:Region
 * as "the name of the AWS Region" and lists it for every EC2 action; s3:LocationConstraint is "a specific Region",
 * for s3:CreateBucket the LocationConstraint of its CreateBucketConfiguration, the region the bucket is created in
 * (in us-east-1 a request omits it, so it may be absent). Keys naming another region than the request's (a replica,
 * source, destination or primary region) are not here. A key counts as the region only for a statement whose every
 * action carries it; for any other statement it is an ordinary key, of unknown value.
 */
final class RegionKeys {
    static final String REQUESTED_REGION = "aws:RequestedRegion";

    /** How a statement's requests carry a key. */
    enum Presence {
        /** Always, with the request's region as its value. */
        REGION,
        /** With the request's region, or not at all. */
        REGION_OR_ABSENT,
        /** Not as the request's region: the key is evaluated as any other. */
        OTHER
    }

    /** {@code key} as AWS writes it; {@code action} (lower case) null: every action of {@code service} carries the key. */
    private record ServiceKey(String key, String service, String action, Presence presence) {
    }

    private static final List<ServiceKey> SERVICE_KEYS = List.of(
            new ServiceKey("ec2:Region", "ec2", null, Presence.REGION),
            new ServiceKey("s3:LocationConstraint", "s3", "createbucket", Presence.REGION_OR_ABSENT));

    private RegionKeys() {
    }

    /** How the requests an Action element (null: none written) can match carry this key. */
    static Presence presence(String key, ActionElement actions) {
        if (key.equalsIgnoreCase(REQUESTED_REGION)) {
            return Presence.REGION;
        }
        for (ServiceKey k : SERVICE_KEYS) {
            if (k.key().equalsIgnoreCase(key)) {
                return actions != null && actions.namesOnly(k.service(), k.action()) ? k.presence() : Presence.OTHER;
            }
        }
        return Presence.OTHER;
    }

    /** The service keys every request for this action ("ec2:RunInstances") carries with its region, as AWS writes them. */
    static List<String> alwaysCarriedBy(String action) {
        int colon = action.indexOf(':');
        String service = action.substring(0, Math.max(colon, 0)).toLowerCase(Locale.ROOT);
        String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
        return SERVICE_KEYS.stream()
                .filter(k -> k.presence() == Presence.REGION && k.service().equals(service)
                        && (k.action() == null || k.action().equals(name)))
                .map(ServiceKey::key)
                .toList();
    }
}
