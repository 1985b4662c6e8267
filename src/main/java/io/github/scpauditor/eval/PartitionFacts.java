package io.github.scpauditor.eval;

import io.github.scpauditor.partition.ActionIndex;
import io.github.scpauditor.partition.ArnFormats;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The partition's facts as tables built once per partition and shared by its evaluators: each known
 * service with its availability, signing region (global services) and lower-cased action names, and
 * the regions a request can name.
 */
final class PartitionFacts {

    /** One per partition, shared by its evaluators: the tables are the same for all of them. */
    private static final Map<Partition, PartitionFacts> SHARED = new ConcurrentHashMap<>();

    /**
     * Actions (lower case, by IAM prefix) authorized inside another service's request, so they carry that request's
     * aws:RequestedRegion rather than their own service's signing region. iam:PassRole is a permission only: the
     * service the role is passed to checks it while serving its own call (ec2:RunInstances in cn-northwest-1).
     */
    private static final Map<String, List<String>> CHECKED_IN_OTHER_REQUESTS = Map.of("iam", List.of("passrole"));

    /** A service by IAM prefix; {@code signingRegion} is null for a regional service. */
    static final class Service {
        private final String prefix;
        private final Availability availability;
        private final String signingRegion;
        private final ActionIndex index;
        private final List<String> checkedInOtherRequests;
        private volatile String[] actionsLower;

        Service(String prefix, Availability availability, String signingRegion, ActionIndex index) {
            this.prefix = prefix;
            this.availability = availability;
            this.signingRegion = signingRegion;
            this.index = index;
            this.checkedInOtherRequests = CHECKED_IN_OTHER_REQUESTS.getOrDefault(prefix, List.of());
        }

        String prefix() {
            return prefix;
        }

        Availability availability() {
            return availability;
        }

        String signingRegion() {
            return signingRegion;
        }

        /**
         * Its actions (lower case) that are authorized inside other services' requests, in any region of the partition,
         * and never sent to its own endpoint (iam:PassRole).
         */
        List<String> checkedInOtherRequests() {
            return checkedInOtherRequests;
        }

        /**
         * The service's actions, lower-cased and sorted, made on first use (racy but idempotent): most
         * audits look at the actions of a handful of the 450 services, and making all 22,000 up front
         * lengthened every cold start.
         */
        String[] actionsLower() {
            String[] lower = actionsLower;
            if (lower == null) {
                List<String> actions = index.actions(prefix);
                lower = new String[actions.size()];
                for (int i = 0; i < lower.length; i++) {
                    lower[i] = actions.get(i).toLowerCase(Locale.ROOT);
                }
                Arrays.sort(lower);
                actionsLower = lower;
            }
            return lower;
        }

        /** How many actions the index knows for the service; "every action" needs no more. */
        int actionCount() {
            String[] lower = actionsLower;
            return lower != null ? lower.length : index.actionCount(prefix);
        }
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
    private final ActionIndex index;
    private final Supplier<ArnFormats> arnFormats;

    PartitionFacts(String id, List<String> regions, ActionIndex index, Supplier<ArnFormats> arnFormats,
            Function<String, Availability> offers, Function<String, Optional<String>> signingRegion) {
        this.id = id;
        this.arnFormats = arnFormats;
        this.regions = List.copyOf(regions);
        this.offers = offers;
        this.signingRegion = signingRegion;
        this.index = index;
        Map<String, Service> byPrefix = new LinkedHashMap<>();
        List<String> requestRegions = new ArrayList<>(regions);
        for (String prefix : index.servicePrefixes()) {
            String p = prefix.toLowerCase(Locale.ROOT);
            Service s = build(p);
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

    /** The partition's facts, built on first use and then shared. */
    static PartitionFacts of(Partition partition) {
        return SHARED.computeIfAbsent(partition, PartitionFacts::build);
    }

    private static PartitionFacts build(Partition partition) {
        return new PartitionFacts(partition.id(), partition.regions(), partition.actions(), partition::arnFormats,
                partition::offers, partition::signingRegion);
    }

    private Service build(String prefix) {
        return new Service(prefix, offers.apply(prefix), signingRegion.apply(prefix).orElse(null), index);
    }

    String id() {
        return id;
    }

    List<String> regions() {
        return regions;
    }

    /** The ARN formats of resource types, read on first use (only an ARN with a region field needs them). */
    ArnFormats arnFormats() {
        return arnFormats.get();
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
        return known != null ? known : build(p);
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

    /** The partition's regions as bits over {@link #requestRegions()}: those iam:PassRole can carry. */
    BitSet partitionRegionBits() {
        return partitionRegionBits;
    }

    int requestRegionCount() {
        return requestRegions.size();
    }
}
