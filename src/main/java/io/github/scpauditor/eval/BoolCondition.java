package io.github.scpauditor.eval;

/** Bool: "true"/"false" compared case-insensitively. */
final class BoolCondition {
    private BoolCondition() {
    }

    static boolean matches(String requestValue, String policyValue) {
        return requestValue.trim().equalsIgnoreCase(policyValue.trim());
    }
}
