package io.github.scpauditor.partition;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The AWS SDK's endpoint metadata, as much of it as Partition asks, read from a resource generated
 * from the SDK at build time (scripts/generate-partitions.sh; PartitionsResourceTest fails when the
 * SDK on the classpath says otherwise). Reading it takes milliseconds; the SDK's own metadata loads
 * some 300 service classes and 50 region classes, most of a second of every cold start.
 */
final class EndpointMetadata {

    static final String RESOURCE = "/partition/partitions.tsv";
    static final String SDK_VERSION = "@sdk-version";

    /**
     * An endpoint prefix the SDK knows: the partitions whose metadata lists it, and per partition the
     * region that requests to its global endpoint are signed for (none for a regional service).
     */
    record Endpoint(Set<String> partitions, Map<String, String> signingRegions) {
    }

    /** Holder idiom: the resource is read on first use, once. */
    private static final class Bundled {
        static final EndpointMetadata METADATA = loadResource();
    }

    private final String sdkVersion;
    private final SortedMap<String, List<String>> regionsByPartition;
    private final Map<String, Endpoint> endpoints;

    private EndpointMetadata(String sdkVersion, SortedMap<String, List<String>> regionsByPartition,
            Map<String, Endpoint> endpoints) {
        this.sdkVersion = sdkVersion;
        this.regionsByPartition = Collections.unmodifiableSortedMap(regionsByPartition);
        this.endpoints = Map.copyOf(endpoints);
    }

    static EndpointMetadata bundled() {
        return Bundled.METADATA;
    }

    private static EndpointMetadata loadResource() {
        return read(BundledText.read(RESOURCE, "the partition facts"), RESOURCE);
    }

    /**
     * Reads the format SdkEndpointFacts writes: '#' comment lines, one "@sdk-version TAB version" line,
     * "partition TAB id TAB regions" lines and "endpoint TAB prefix TAB partitions TAB
     * partition=signing-region ..." lines, lists separated by single spaces.
     */
    static EndpointMetadata read(String text, String source) {
        String sdkVersion = null;
        SortedMap<String, List<String>> regionsByPartition = new TreeMap<>();
        Map<String, Endpoint> endpoints = new HashMap<>(512);
        BundledText.DataLines data = BundledText.dataLines(text);
        for (BundledText.DataLine dataLine : data.lines()) {
            String line = dataLine.text();
            int lineNumber = dataLine.number();
            String[] fields = line.split("\t", -1);
            if (fields.length == 2 && fields[0].equals(SDK_VERSION)) {
                sdkVersion = fields[1];
            } else if (fields.length == 3 && fields[0].equals("partition") && !fields[1].isEmpty()) {
                regionsByPartition.put(fields[1], words(fields[2]));
            } else if (fields.length == 4 && fields[0].equals("endpoint") && !fields[1].isEmpty() && !fields[2].isEmpty()) {
                Map<String, String> signingRegions = new HashMap<>();
                for (String signing : words(fields[3])) {
                    int equals = signing.indexOf('=');
                    if (equals <= 0 || equals == signing.length() - 1) {
                        throw malformed(source, lineNumber, "expected partition=region, found \"" + signing + "\"");
                    }
                    signingRegions.put(signing.substring(0, equals), signing.substring(equals + 1));
                }
                if (endpoints.put(fields[1], new Endpoint(Set.copyOf(words(fields[2])), Map.copyOf(signingRegions))) != null) {
                    throw malformed(source, lineNumber, "endpoint prefix " + fields[1] + " appears twice");
                }
            } else {
                throw malformed(source, lineNumber, "expected a " + SDK_VERSION + ", partition or endpoint line");
            }
        }
        if (sdkVersion == null) {
            throw malformed(source, data.count(), "no " + SDK_VERSION + " line");
        }
        return new EndpointMetadata(sdkVersion, regionsByPartition, endpoints);
    }

    private static List<String> words(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split(" "));
    }

    private static IllegalStateException malformed(String source, int lineNumber, String problem) {
        return new IllegalStateException("Malformed partition facts " + source + " at line " + lineNumber + ": " + problem);
    }

    /** The version of the SDK the facts were generated from. */
    String sdkVersion() {
        return sdkVersion;
    }

    /** Partition id to its regions (sorted, without global pseudo-regions), by id. */
    SortedMap<String, List<String>> regionsByPartition() {
        return regionsByPartition;
    }

    /** The endpoint prefix's facts; null when the SDK's metadata lists it in no partition. */
    Endpoint endpoint(String endpointPrefix) {
        return endpoints.get(endpointPrefix);
    }
}
