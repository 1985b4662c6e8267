package io.github.scpauditor.report;

import java.util.List;

/** Where an attached SCP applies: its targets and how many active accounts sit under them (the blast radius). */
public record Exposure(List<Target> targets, int activeAccounts) {
    public Exposure {
        targets = List.copyOf(targets);
    }

    /** A root, OU or account a policy is attached to. */
    public record Target(String id, String name, String type) {
    }
}
