package io.github.scpauditor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The result of one audit (the JSON report of DESIGN.md). {@code incomplete} is null for a complete
 * run; otherwise it says why the run stopped and what was not read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String partition,
        List<Finding> findings,
        List<InputError> errors,
        Summary summary,
        Incomplete incomplete) {

    /** Most severe first, then widest blast radius, then source and statement order. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing((Finding f) -> f.exposure() == null ? 0 : -f.exposure().activeAccounts())
            .thenComparing(Finding::source)
            .thenComparingInt(f -> f.statement() == null ? -1 : f.statement().index())
            .thenComparing(Finding::checkId);

    public Report {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    public static Report of(String partition, int policiesAudited, List<Finding> findings, List<InputError> errors,
            Incomplete incomplete) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        return new Report(partition, sorted, errors, Summary.of(policiesAudited, sorted, errors), incomplete);
    }

    /** A run that stopped early: why, and every policy (id or name) it did not read. */
    public record Incomplete(String reason, List<String> notRead) {
        public Incomplete {
            notRead = List.copyOf(notRead);
        }
    }
}
