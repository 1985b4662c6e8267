package io.github.scpauditor.eval;

import java.util.Map;
import java.util.Set;

/**
 * The outcome of a statement's region conditions alone (aws:RequestedRegion and keys carrying the same
 * region), for each region of the partition: TRUE where they hold (a Deny then applies in that region),
 * FALSE where they do not (the region is allowed). {@code mentionedRegions} are the condition's region
 * values/patterns as written.
 */
public record RegionRestriction(Map<String, TriBool> byRegion, Set<String> mentionedRegions) {
    public RegionRestriction {
        byRegion = Map.copyOf(byRegion);
        mentionedRegions = Set.copyOf(mentionedRegions);
    }
}
