package io.github.scpauditor.report;

import java.util.Locale;

/** Finding severities, most severe first (the enum order is the sort order). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
