package io.github.scpauditor.eval;

import io.github.scpauditor.policy.ConditionOperator;
import java.math.BigDecimal;

/** Numeric operators: both sides parsed as decimal numbers; a value that is not a number matches nothing. */
final class NumericCondition {
    private NumericCondition() {
    }

    static boolean matches(ConditionOperator op, String requestValue, String policyValue) {
        BigDecimal request = parse(requestValue);
        BigDecimal policy = parse(policyValue);
        if (request == null || policy == null) {
            return false;
        }
        int c = request.compareTo(policy);
        return switch (op) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> c == 0;
            case NUMERIC_LESS_THAN -> c < 0;
            case NUMERIC_LESS_THAN_EQUALS -> c <= 0;
            case NUMERIC_GREATER_THAN -> c > 0;
            case NUMERIC_GREATER_THAN_EQUALS -> c >= 0;
            default -> throw new IllegalArgumentException(op.json());
        };
    }

    private static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
