package io.github.scpauditor.partition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.ServicePartitionMetadata;

/**
 * The partition facts read live from the AWS SDK's endpoint metadata, as Partition computed them at
 * run time before they became a generated resource: the reference that writes
 * {@value EndpointMetadata#RESOURCE} and that PartitionsResourceTest compares it with.
 */
final class SdkEndpointFacts {

    private static final String ENDPOINTS_JSON = "/software/amazon/awssdk/regions/internal/region/endpoints.json";
    private static final String REGIONS_POM = "/META-INF/maven/software.amazon.awssdk/regions/pom.properties";

    /** Partition id to its regions, global pseudo-regions (aws-cn-global) included. */
    private final SortedMap<String, List<Region>> regionsByPartition = new TreeMap<>();

    SdkEndpointFacts() {
        for (Region region : Region.regions()) {
            RegionMetadata metadata = region.metadata();
            if (metadata != null) {
                regionsByPartition.computeIfAbsent(metadata.partition().id(), id -> new ArrayList<>()).add(region);
            }
        }
    }

    static String sdkVersion() {
        try (InputStream in = Region.class.getResourceAsStream(REGIONS_POM)) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> partitionIds() {
        return regionsByPartition.keySet();
    }

    /** The partition's regions, sorted, without its global pseudo-regions. */
    List<String> regions(String partition) {
        return regionsByPartition.get(partition).stream().filter(r -> !r.isGlobalRegion()).map(Region::id).sorted().toList();
    }

    /**
     * Every endpoint prefix to write: the SDK's public API answers for a prefix but cannot list them, so
     * the list comes from the endpoints.json that the regions module ships (the data its ServiceMetadata
     * classes are generated from), with every IAM prefix and every endpoint prefix of the exceptions added.
     */
    SortedSet<String> endpointPrefixes() {
        SortedSet<String> prefixes = new TreeSet<>(ActionIndex.bundled().servicePrefixes());
        EndpointPrefixes.exceptions().values().forEach(prefixes::addAll);
        try (InputStream in = Region.class.getResourceAsStream(ENDPOINTS_JSON)) {
            if (in == null) {
                throw new IllegalStateException("This AWS SDK no longer ships " + ENDPOINTS_JSON
                        + ": SdkEndpointFacts needs another list of the endpoint prefixes it knows");
            }
            for (JsonNode partition : new ObjectMapper().readTree(in).get("partitions")) {
                partition.get("services").fieldNames().forEachRemaining(prefixes::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prefixes;
    }

    /** The partitions whose endpoint metadata lists the endpoint prefix (empty: unknown to the SDK). */
    SortedSet<String> partitionsListing(String endpointPrefix) {
        return ServiceMetadata.of(endpointPrefix).servicePartitions().stream()
                .map(p -> p.partition().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The region requests to this global endpoint are signed for in the partition; empty for a regional service. */
    Optional<String> signingRegion(String endpointPrefix, String partition) {
        ServiceMetadata service = ServiceMetadata.of(endpointPrefix);
        return globalEndpoint(service, partition)
                .map(endpoint -> service.signingRegion(endpoint).id())
                // Without a credential scope the SDK signs with the pseudo-region's own name
                // (CodeCatalyst's aws-global): that is no region a condition could name.
                .filter(regions(partition)::contains);
    }

    /**
     * The global endpoint of a service in the partition, if it has no regional ones. The SDK names it
     * for services marked non-regionalized; Support in aws-cn is not marked so yet only has the global
     * endpoint (aws-cn-global, signed for cn-north-1), hence the second test.
     */
    private Optional<Region> globalEndpoint(ServiceMetadata service, String partition) {
        Optional<Region> marked = service.servicePartitions().stream()
                .filter(p -> p.partition().id().equals(partition))
                .findFirst()
                .flatMap(ServicePartitionMetadata::globalRegion);
        if (marked.isPresent()) {
            return marked;
        }
        List<String> regions = regions(partition);
        List<Region> endpoints = service.regions();
        if (endpoints.stream().anyMatch(r -> regions.contains(r.id()))) {
            return Optional.empty();
        }
        Set<Region> globalEndpoints = regionsByPartition.get(partition).stream()
                .filter(Region::isGlobalRegion).collect(Collectors.toSet());
        return endpoints.stream().filter(globalEndpoints::contains).findFirst();
    }

    /** The resource text: what {@link EndpointMetadata#read} reads. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Partition facts from the endpoint metadata of the AWS SDK for Java v2 (software.amazon.awssdk:regions).\n");
        out.append("# Generated by scripts/generate-partitions.sh: do not edit. PartitionsResourceTest fails when it no\n");
        out.append("# longer matches the SDK on the classpath (e.g. after aws.sdk.version changes in pom.xml).\n");
        out.append("# partition TAB id TAB its regions; endpoint TAB endpoint prefix TAB the partitions whose metadata lists\n");
        out.append("# it TAB for a global endpoint, partition=the region its requests are signed for (lists space-separated).\n");
        out.append(EndpointMetadata.SDK_VERSION).append('\t').append(sdkVersion()).append('\n');
        for (String partition : partitionIds()) {
            out.append("partition\t").append(partition).append('\t').append(String.join(" ", regions(partition))).append('\n');
        }
        for (String endpointPrefix : endpointPrefixes()) {
            SortedSet<String> listing = partitionsListing(endpointPrefix);
            if (listing.isEmpty()) {
                continue;
            }
            List<String> signing = new ArrayList<>();
            for (String partition : partitionIds()) {
                signingRegion(endpointPrefix, partition).ifPresent(region -> signing.add(partition + "=" + region));
            }
            out.append("endpoint\t").append(endpointPrefix).append('\t').append(String.join(" ", listing))
                    .append('\t').append(String.join(" ", signing)).append('\n');
        }
        return out.toString();
    }
}
