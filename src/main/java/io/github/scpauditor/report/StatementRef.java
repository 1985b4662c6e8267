package io.github.scpauditor.report;

/** The statement a finding points at: its 0-based index in the Statement array and its Sid (may be null). */
public record StatementRef(int index, String sid) {
}
