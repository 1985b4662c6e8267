package io.github.scpauditor.eval;

import io.github.scpauditor.policy.Condition;

/**
 * How one condition came out, as data: the result and what decided it. {@link #matchedBecauseMissing()}
 * marks a condition that holds only because its key is absent (a negated operator, IfExists,
 * ForAllValues); {@link #provesNegation()} says a FALSE is certain, which is what lets an UNKNOWN never
 * become a dead statement.
 */
public record ConditionVerdict(Condition condition, TriBool result, Basis basis) {

    public enum Basis {
        /** The request's values were compared with the policy's values. */
        VALUES_COMPARED,
        /** The key is absent from the request (or has no value). */
        KEY_MISSING,
        /** The key belongs to a service the partition does not offer: it is never in any request. */
        KEY_NEVER_PRESENT,
        /** Every policy value is an ARN no resource or principal of the partition can have. */
        VALUES_NEVER_IN_PARTITION,
        /** The operator compares * and ? as written, and no value of the key (a principal ARN) contains them. */
        WILDCARDS_TAKEN_LITERALLY,
        /** The outcome depends on request values the partition does not fix. */
        DEPENDS_ON_REQUEST
    }

    public boolean matchedBecauseMissing() {
        return result == TriBool.TRUE && (basis == Basis.KEY_MISSING || basis == Basis.KEY_NEVER_PRESENT);
    }

    public boolean provesNegation() {
        return result == TriBool.FALSE;
    }

    /** One line for people, e.g. "StringEquals aws:RequestedRegion: no request value matched [us-east-1]". */
    public String describe() {
        String head = condition.operatorText() + " " + condition.key() + ": ";
        String values = condition.values().toString();
        return head + switch (basis) {
            case VALUES_COMPARED -> result == TriBool.TRUE ? "matched " + values : "not satisfied by the request's values against " + values;
            case KEY_MISSING -> "key missing from the request, so the condition is " + (result == TriBool.TRUE ? "true" : "false");
            case KEY_NEVER_PRESENT -> "key never present in this partition, so the condition is always " + (result == TriBool.TRUE ? "true" : "false");
            case VALUES_NEVER_IN_PARTITION -> "values " + values + " name no ARN of this partition, so the condition is always " + (result == TriBool.TRUE ? "true" : "false");
            case WILDCARDS_TAKEN_LITERALLY -> "values " + values + " are compared with * and ? as written, which no principal ARN contains, so the condition is always " + (result == TriBool.TRUE ? "true" : "false");
            case DEPENDS_ON_REQUEST -> "depends on the request";
        };
    }
}
