package io.github.scpauditor.eval;

import io.github.scpauditor.policy.ConditionOperator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date operators: ISO 8601 dates and times (UTC unless an offset is given) or epoch seconds. */
final class DateCondition {
    private DateCondition() {
    }

    static boolean matches(ConditionOperator op, String requestValue, String policyValue) {
        Instant request = parse(requestValue);
        Instant policy = parse(policyValue);
        if (request == null || policy == null) {
            return false;
        }
        int c = request.compareTo(policy);
        return switch (op) {
            case DATE_EQUALS, DATE_NOT_EQUALS -> c == 0;
            case DATE_LESS_THAN -> c < 0;
            case DATE_LESS_THAN_EQUALS -> c <= 0;
            case DATE_GREATER_THAN -> c > 0;
            case DATE_GREATER_THAN_EQUALS -> c >= 0;
            default -> throw new IllegalArgumentException(op.json());
        };
    }

    static Instant parse(String raw) {
        String s = raw.trim();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset; try the other ISO 8601 forms below
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date-time either
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
