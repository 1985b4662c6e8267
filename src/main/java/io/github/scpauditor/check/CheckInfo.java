package io.github.scpauditor.check;

import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Severity;

/** A check's own metadata: stable id, default severity and category, one-line summary. */
public record CheckInfo(String id, Severity defaultSeverity, Category category, String summary) {
}
