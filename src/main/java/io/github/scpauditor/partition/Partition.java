package io.github.scpauditor.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.ServicePartitionMetadata;

/**
 * What exists in one AWS partition: its regions, the services it offers and the region that the
 * requests of its global services are signed for. Built from the AWS SDK's endpoint metadata
 * (public API of the regions module only), so upgrading the SDK refreshes it.
 */
public final class Partition {

    private static final Map<String, Partition> PARTITIONS = new ConcurrentHashMap<>();

    /** Holder idiom: the SDK's regions, grouped by partition id, are read once, on first use. */
    private static final class Known {
        static final SortedMap<String, List<Region>> REGIONS_BY_PARTITION = regionsByPartition();

        private static SortedMap<String, List<Region>> regionsByPartition() {
            SortedMap<String, List<Region>> byPartition = new TreeMap<>();
            for (Region region : Region.regions()) {
                RegionMetadata metadata = region.metadata();
                if (metadata != null) {
                    byPartition.computeIfAbsent(metadata.partition().id(), id -> new ArrayList<>()).add(region);
                }
            }
            return Collections.unmodifiableSortedMap(byPartition);
        }
    }

    private final String id;
    private final List<String> regions;
    /** The pseudo-regions the SDK uses for the partition's global endpoints, e.g. aws-cn-global. */
    private final Set<Region> globalEndpoints;
    private final Map<String, Availability> offered = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> signingRegions = new ConcurrentHashMap<>();
    private volatile Map<String, String> globalServices;

    private Partition(String id, List<Region> sdkRegions) {
        this.id = id;
        this.regions = sdkRegions.stream().filter(r -> !r.isGlobalRegion()).map(Region::id).sorted().toList();
        this.globalEndpoints = Set.copyOf(sdkRegions.stream().filter(Region::isGlobalRegion).toList());
    }

    /** "aws-cn", "aws", "aws-us-gov" (and any other partition the SDK knows); IllegalArgumentException otherwise. */
    public static Partition of(String id) {
        Objects.requireNonNull(id, "id");
        List<Region> sdkRegions = Known.REGIONS_BY_PARTITION.get(id);
        if (sdkRegions == null) {
            throw new IllegalArgumentException("Unknown partition \"" + id + "\"; known partitions: "
                    + String.join(", ", Known.REGIONS_BY_PARTITION.keySet()));
        }
        return PARTITIONS.computeIfAbsent(id, known -> new Partition(known, sdkRegions));
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
            List<ServicePartitionMetadata> partitions = ServiceMetadata.of(endpointPrefix).servicePartitions();
            if (partitions.stream().anyMatch(p -> p.partition().id().equals(id))) {
                return Availability.YES;
            }
            unknownEndpoint |= partitions.isEmpty();
        }
        return unknownEndpoint ? Availability.UNKNOWN : Availability.NO;
    }

    /** For a global service (IAM prefix), the region its requests are signed for here: aws:RequestedRegion's value. */
    public Optional<String> signingRegion(String iamPrefix) {
        return signingRegions.computeIfAbsent(iamPrefix.toLowerCase(Locale.ROOT), this::lookUpSigningRegion);
    }

    private Optional<String> lookUpSigningRegion(String iamPrefix) {
        for (String endpointPrefix : EndpointPrefixes.of(iamPrefix)) {
            ServiceMetadata service = ServiceMetadata.of(endpointPrefix);
            Optional<String> signingRegion = globalEndpoint(service)
                    .map(endpoint -> service.signingRegion(endpoint).id())
                    // Without a credential scope the SDK signs with the pseudo-region's own name
                    // (CodeCatalyst's aws-global): that is no region a condition could name.
                    .filter(regions::contains);
            if (signingRegion.isPresent()) {
                return signingRegion;
            }
        }
        return Optional.empty();
    }

    /**
     * The global endpoint of a service here, if it has no regional ones. The SDK names it for
     * services marked non-regionalized; Support in aws-cn is not marked so yet only has the global
     * endpoint (aws-cn-global, signed for cn-north-1), hence the second test.
     */
    private Optional<Region> globalEndpoint(ServiceMetadata service) {
        Optional<Region> marked = service.servicePartitions().stream()
                .filter(p -> p.partition().id().equals(id))
                .findFirst()
                .flatMap(ServicePartitionMetadata::globalRegion);
        if (marked.isPresent()) {
            return marked;
        }
        List<Region> endpoints = service.regions();
        if (endpoints.stream().anyMatch(r -> regions.contains(r.id()))) {
            return Optional.empty();
        }
        return endpoints.stream().filter(globalEndpoints::contains).findFirst();
    }

    /** Every global service of the partition, IAM prefix to signing region, sorted by prefix. */
    public Map<String, String> globalServices() {
        Map<String, String> services = globalServices;
        if (services == null) {
            // The endpoint metadata cannot be listed through the SDK's public API, so every IAM prefix is asked.
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

    @Override
    public String toString() {
        return "Partition[" + id + " " + regions + "]";
    }
}
