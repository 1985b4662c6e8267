package io.github.scpauditor.report;

/** An input that could not be read, or an API call that failed: nothing is dropped silently. */
public record InputError(String source, String message) {
}
