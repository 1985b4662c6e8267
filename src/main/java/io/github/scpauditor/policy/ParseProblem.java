package io.github.scpauditor.policy;

/** Why a document is not a valid policy, and where. */
public record ParseProblem(String message, Location location) {
}
