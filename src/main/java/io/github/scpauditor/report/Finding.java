package io.github.scpauditor.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding. {@code statement} is null for policy-level findings (size, attachment);
 * {@code pointer} and {@code line} locate the offending element in the source document;
 * {@code exposure} says where an attached policy bites (null when auditing files).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String checkId,
        Severity severity,
        Category category,
        String source,
        StatementRef statement,
        String pointer,
        Integer line,
        String message,
        String remediation,
        Exposure exposure) {

    public Finding withExposure(Exposure newExposure) {
        return new Finding(checkId, severity, category, source, statement, pointer, line, message, remediation, newExposure);
    }
}
