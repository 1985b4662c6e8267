package io.github.scpauditor.eval;

import io.github.scpauditor.partition.Availability;
import java.util.List;

/**
 * What one Action/NotAction entry can denote: the services its prefix part matches (each with its
 * availability in the partition) and how many known actions it matches. {@code unknownService} is true
 * when the prefix names (or, with wildcards, matches) no known service; {@code knownActions} is 0 for
 * a typo like "s3:GetObjekt". The bare "*" matches every service. For an unknown literal prefix
 * ("bedrok:*") {@code services} holds that prefix alone, with 0 known actions and the partition's
 * answer on its availability.
 */
public record ActionPattern(String text, List<ServiceMatch> services, int knownActions, boolean unknownService) {
    public ActionPattern {
        services = List.copyOf(services);
    }

    /** Whether every service the entry touches is one the partition does not offer: spelt any way, it matches nothing here. */
    public boolean onlyAbsentServices() {
        return !services.isEmpty() && services.stream().allMatch(s -> s.availability() == Availability.NO);
    }

    /** A service an entry touches and whether it is offered here. */
    public record ServiceMatch(String prefix, Availability availability, int knownActions) {
    }
}
