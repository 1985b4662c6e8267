package io.github.scpauditor.policy;

import java.util.List;

/**
 * An Action/NotAction or Resource/NotResource element: its strings, whether it is the negated
 * form ({@code NotAction}, {@code NotResource}), and whether it was written as an array.
 */
public record ValueList(String element, List<Value> values, boolean negated, boolean writtenAsArray, Location location) {
    public ValueList {
        values = List.copyOf(values);
    }
}
