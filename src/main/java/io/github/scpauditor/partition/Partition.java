package io.github.scpauditor.partition;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What exists in one AWS partition: its regions, the services it offers and the region that the
 * requests of its global services are signed for. From the AWS SDK's endpoint metadata, through a
 * resource generated from its public API at build time ({@link EndpointMetadata}), so upgrading the
 * SDK and regenerating refreshes it.
 */
public final class Partition {

    private static final Map<String, Partition> PARTITIONS = new ConcurrentHashMap<>();

    private final String id;
    private final List<String> regions;
    private final EndpointMetadata metadata;
    private final Map<String, Availability> offered = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> signingRegions = new ConcurrentHashMap<>();
    private volatile Map<String, String> globalServices;

    private Partition(String id, List<String> regions, EndpointMetadata metadata) {
        this.id = id;
        this.regions = regions;
        this.metadata = metadata;
    }

    /** "aws-cn", "aws", "aws-us-gov" (and any other partition the SDK knows); IllegalArgumentException otherwise. */
    public static Partition of(String id) {
        Objects.requireNonNull(id, "id");
        EndpointMetadata metadata = EndpointMetadata.bundled();
        List<String> regions = metadata.regionsByPartition().get(id);
        if (regions == null) {
            throw new IllegalArgumentException("Unknown partition \"" + id + "\"; known partitions: "
                    + String.join(", ", metadata.regionsByPartition().keySet()));
        }
        return PARTITIONS.computeIfAbsent(id, known -> new Partition(known, regions, metadata));
    }

    public String id() {
        return id;
    }

    /** The partition's regions, sorted (e.g. [cn-north-1, cn-northwest-1]). */
    public List<String> regions() {
        return regions;
    }

    public boolean isRegion(String region) {
        return regions.contains(region);
    }

    /** Whether some partition the SDK knows, this one or another, has the region ("eu-north-1" is no typo). */
    public boolean isRegionOfAnyPartition(String region) {
        return metadata.regionsByPartition().values().stream().anyMatch(known -> known.contains(region));
    }

    /** Is the service with this IAM prefix (e.g. "bedrock", "cloudwatch", "sagemaker") offered here? Case-insensitive. */
    public Availability offers(String iamPrefix) {
        return offered.computeIfAbsent(iamPrefix.toLowerCase(Locale.ROOT), this::lookUpAvailability);
    }

    /**
     * YES when the metadata lists any of the service's endpoints here; NO only when it knows every
     * one of them, each in other partitions only; UNKNOWN when it does not know some endpoint at all
     * (rules-based and IAM-only prefixes), because a wrong NO would report findings that are false.
     */
    private Availability lookUpAvailability(String iamPrefix) {
        boolean unknownEndpoint = false;
        for (String endpointPrefix : EndpointPrefixes.of(iamPrefix)) {
            EndpointMetadata.Endpoint endpoint = metadata.endpoint(endpointPrefix);
            if (endpoint == null) {
                unknownEndpoint = true;
            } else if (endpoint.partitions().contains(id)) {
                return Availability.YES;
            }
        }
        return unknownEndpoint || !EndpointPrefixes.provesAbsence(iamPrefix) ? Availability.UNKNOWN : Availability.NO;
    }

    /** For a global service (IAM prefix), the region its requests are signed for here: aws:RequestedRegion's value. */
    public Optional<String> signingRegion(String iamPrefix) {
        return signingRegions.computeIfAbsent(iamPrefix.toLowerCase(Locale.ROOT), this::lookUpSigningRegion);
    }

    private Optional<String> lookUpSigningRegion(String iamPrefix) {
        for (String endpointPrefix : EndpointPrefixes.of(iamPrefix)) {
            EndpointMetadata.Endpoint endpoint = metadata.endpoint(endpointPrefix);
            String signingRegion = endpoint == null ? null : endpoint.signingRegions().get(id);
            if (signingRegion != null) {
                return Optional.of(signingRegion);
            }
        }
        return Optional.empty();
    }

    /** Every global service of the partition, IAM prefix to signing region, sorted by prefix. */
    public Map<String, String> globalServices() {
        Map<String, String> services = globalServices;
        if (services == null) {
            SortedMap<String, String> found = new TreeMap<>();
            for (String prefix : actions().servicePrefixes()) {
                signingRegion(prefix).ifPresent(region -> found.put(prefix, region));
            }
            services = Collections.unmodifiableSortedMap(found);
            globalServices = services;
        }
        return services;
    }

    /** The IAM action and condition-key index (shared by all partitions). */
    public ActionIndex actions() {
        return ActionIndex.bundled();
    }

    /** The ARN formats of resource types, from the same data as {@link #actions()} (shared by all partitions). */
    public ArnFormats arnFormats() {
        return ArnFormats.bundled();
    }

    @Override
    public String toString() {
        return "Partition[" + id + " " + regions + "]";
    }
}
