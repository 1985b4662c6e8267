package io.github.scpauditor.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.policy.Location;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A policy whose stored text is within 10% of the SCP size quota (a setting; 10,240 characters since May
 * 2026). Organizations counts every character as stored, whitespace included. Over the quota the policy
 * cannot be created or updated at all, so that finding is raised to HIGH.
 */
public final class SizeNearLimitCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("SIZE_NEAR_LIMIT", Severity.INFO, Category.GRAMMAR,
            "A policy within 10% of the SCP size quota (whitespace counts)");

    /** Holder idiom: an ObjectMapper costs a cold start tens of milliseconds, and only policies near the quota need one. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        String text = policy.source().text();
        int quota = context.sizeQuota();
        int size = text.codePointCount(0, text.length());
        if (size < quota - quota / 10) {
            return List.of();
        }
        boolean over = size > quota;
        String message = String.format(Locale.ROOT, "The policy is %,d characters, %s the %,d-character SCP size quota"
                + " (Organizations counts every stored character, whitespace included).",
                size, over ? "over" : "within 10% of", quota);
        String remediation = minified(text)
                .filter(m -> m < size)
                .map(m -> String.format(Locale.ROOT, "Store it without whitespace outside strings (%,d characters)%s",
                        m, m > quota ? ", and split it into two SCPs." : "; if it keeps growing, split it into two SCPs."))
                .orElse("Split it into two SCPs, or merge statements that share an Effect and conditions.");
        return List.of(Findings.ofPolicy(INFO, over ? Severity.HIGH : Severity.INFO, Category.GRAMMAR, policy,
                Location.ROOT, message, remediation));
    }

    private static Optional<Integer> minified(String text) {
        try {
            String compact = Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(text));
            return Optional.of(compact.codePointCount(0, compact.length()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
