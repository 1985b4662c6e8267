package io.github.scpauditor.eval;

import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The partition's facts as tables built once per evaluator: each known service with its availability,
 * signing region (global services) and lower-cased action names, and the regions a request can name.
 */
final class PartitionFacts {

    /** A service by IAM prefix; {@code signingRegion} is null for a regional service; actions lower-cased and sorted. */
    record Service(String prefix, Availability availability, String signingRegion, String[] actionsLower) {
    }

    private final String id;
    private final List<String> regions;
    /** Partition regions, then any signing region outside them: positions of the region bit sets. */
    private final List<String> requestRegions;
    private final BitSet partitionRegionBits;
    private final Map<String, Service> services;
    private final List<Service> regionalFirst;
    private final Function<String, Availability> offers;
    private final Function<String, Optional<String>> signingRegion;

    PartitionFacts(String id, List<String> regions, Iterable<String> knownPrefixes,
            Function<String, Availability> offers, Function<String, Optional<String>> signingRegion,
            Function<String, List<String>> actions) {
        this.id = id;
        this.regions = List.copyOf(regions);
        this.offers = offers;
        this.signingRegion = signingRegion;
        Map<String, Service> byPrefix = new LinkedHashMap<>();
        List<String> requestRegions = new ArrayList<>(regions);
        for (String prefix : knownPrefixes) {
            String p = prefix.toLowerCase(Locale.ROOT);
            Service s = build(p, actions.apply(p));
            byPrefix.put(p, s);
            if (s.signingRegion() != null && !requestRegions.contains(s.signingRegion())) {
                requestRegions.add(s.signingRegion());
            }
        }
        this.services = byPrefix;
        this.requestRegions = List.copyOf(requestRegions);
        this.partitionRegionBits = new BitSet();
        partitionRegionBits.set(0, regions.size());
        List<Service> ordered = new ArrayList<>(byPrefix.values());
        ordered.sort(Comparator.comparing((Service s) -> s.signingRegion() != null));
        this.regionalFirst = List.copyOf(ordered);
    }

    static PartitionFacts of(Partition partition) {
        return new PartitionFacts(partition.id(), partition.regions(), partition.actions().servicePrefixes(),
                partition::offers, partition::signingRegion, p -> partition.actions().actions(p));
    }

    private Service build(String prefix, List<String> actions) {
        String[] lower = new String[actions.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = actions.get(i).toLowerCase(Locale.ROOT);
        }
        Arrays.sort(lower);
        return new Service(prefix, offers.apply(prefix), signingRegion.apply(prefix).orElse(null), lower);
    }

    String id() {
        return id;
    }

    List<String> regions() {
        return regions;
    }

    List<String> requestRegions() {
        return requestRegions;
    }

    Map<String, Service> services() {
        return services;
    }

    List<Service> servicesRegionalFirst() {
        return regionalFirst;
    }

    /** The known service, or one made on the spot (no actions) for a prefix the index does not list. */
    Service service(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        Service known = services.get(p);
        return known != null ? known : build(p, List.of());
    }

    Availability availability(String prefix) {
        Service known = services.get(prefix.toLowerCase(Locale.ROOT));
        return known != null ? known.availability() : offers.apply(prefix.toLowerCase(Locale.ROOT));
    }

    /** The aws:RequestedRegion values a request to this service can carry, as bits over {@link #requestRegions()}. */
    BitSet requestRegionsOf(Service s) {
        if (s.signingRegion() == null) {
            return partitionRegionBits;
        }
        int i = requestRegions.indexOf(s.signingRegion());
        if (i < 0) {
            return partitionRegionBits;
        }
        BitSet one = new BitSet();
        one.set(i);
        return one;
    }

    int requestRegionCount() {
        return requestRegions.size();
    }
}
