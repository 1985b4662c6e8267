package io.github.scpauditor.check;

import java.util.List;

/** The registry: every policy check, in catalogue order. Adding a check means adding it here (and a fixture file). */
public final class Checks {

    private static final List<Check> ALL = List.of(
            new UnavailableServiceCheck(),
            new DeadStatementCheck(),
            new RegionNotInPartitionCheck(),
            new RegionLockoutCheck(),
            new GlobalServiceDeniedCheck(),
            new ForeignPartitionArnCheck(),
            new ControlTowerArtifactCheck(),
            new UnknownActionCheck(),
            new SizeNearLimitCheck(),
            new InvalidPolicyCheck());

    private Checks() {
    }

    public static List<Check> all() {
        return ALL;
    }
}
