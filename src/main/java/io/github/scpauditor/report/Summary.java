package io.github.scpauditor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of a report: per severity (every severity present, zero included) and per category. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(
        int policies,
        int findings,
        int errors,
        Severity highestSeverity,
        Map<Severity, Integer> bySeverity,
        Map<String, Integer> byCategory) {

    public static Summary of(int policies, List<Finding> findings, List<InputError> errors) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.id(), 0);
        }
        Severity highest = null;
        for (Finding f : findings) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byCategory.merge(f.category().id(), 1, Integer::sum);
            if (highest == null || f.severity().atLeast(highest)) {
                highest = f.severity();
            }
        }
        return new Summary(policies, findings.size(), errors.size(), highest, bySeverity, byCategory);
    }
}
