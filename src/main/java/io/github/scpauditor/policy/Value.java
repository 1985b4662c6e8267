package io.github.scpauditor.policy;

/** One string of a policy element (an action, a resource, a condition value) and where it was written. */
public record Value(String text, Location location) {
    @Override
    public String toString() {
        return text;
    }
}
