package io.github.scpauditor.eval;

import io.github.scpauditor.policy.Policy;

/** A policy with the name of where it came from (file or policy id), for naming deciding statements. */
public record SourcedPolicy(String source, Policy policy) {
}
