package io.github.scpauditor.policy;

/** Where an element of a policy document stands: a JSON pointer and the 1-based line/column of its value. */
public record Location(String pointer, int line, int column) {
    public static final Location ROOT = new Location("", 1, 1);
}
