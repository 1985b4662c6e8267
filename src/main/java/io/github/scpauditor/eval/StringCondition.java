package io.github.scpauditor.eval;

import io.github.scpauditor.policy.ConditionOperator;

/** StringEquals, StringEqualsIgnoreCase, StringLike and their negations: the positive comparison of one value. */
final class StringCondition {
    private StringCondition() {
    }

    static boolean matches(ConditionOperator op, String requestValue, Glob policyValue) {
        return switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> requestValue.equals(policyValue.text());
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> requestValue.equalsIgnoreCase(policyValue.text());
            case STRING_LIKE, STRING_NOT_LIKE -> policyValue.matches(requestValue, false);
            default -> throw new IllegalArgumentException(op.json());
        };
    }

    static boolean ignoresCase(ConditionOperator op) {
        return op == ConditionOperator.STRING_EQUALS_IGNORE_CASE || op == ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE;
    }
}
