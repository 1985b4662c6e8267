package io.github.scpauditor.eval;

import io.github.scpauditor.eval.ConditionVerdict.Basis;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.ConditionOperator.Family;
import io.github.scpauditor.policy.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One condition against a request: the set qualifiers, IfExists, negation and Null, with each
 * operator family's own comparison of one request value against one policy value.
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    static ConditionVerdict evaluate(Condition c, RequestContext context) {
        boolean missing = context.missing(c.key());
        if (c.operator() == ConditionOperator.NULL) {
            return new ConditionVerdict(c, TriBool.of(nullHolds(c, missing)), Basis.VALUES_COMPARED);
        }
        if (missing) {
            return new ConditionVerdict(c, TriBool.of(holdsWhenMissing(c)), Basis.KEY_MISSING);
        }
        List<Object> policyValues = policyValues(c, context);
        Predicate<String> perValue = requestValue -> policyValues.stream().anyMatch(pv -> compare(c.operator(), requestValue, pv));
        return new ConditionVerdict(c, TriBool.of(combine(c, context.get(c.key()), perValue)), Basis.VALUES_COMPARED);
    }

    /** Null: "true" asks for the key to be absent, "false" for it to be present; values ORed. */
    static boolean nullHolds(Condition c, boolean missing) {
        for (Value v : c.values()) {
            String s = v.text().trim();
            if (s.equalsIgnoreCase("true") && missing || s.equalsIgnoreCase("false") && !missing) {
                return true;
            }
        }
        return false;
    }

    /** IfExists and ForAllValues hold on a missing key, ForAnyValue does not, and a bare operator holds only when negated. */
    static boolean holdsWhenMissing(Condition c) {
        if (c.ifExists()) {
            return true;
        }
        return switch (c.qualifier()) {
            case FOR_ALL_VALUES -> true;
            case FOR_ANY_VALUE -> false;
            case NONE -> c.operator().negated();
        };
    }

    /**
     * Combines the per-value comparison (does this request value match any policy value?) over the
     * request's values. For negated operators the comparison is the positive one, negated as the qualifier says.
     */
    static boolean combine(Condition c, List<String> requestValues, Predicate<String> perValue) {
        boolean negated = c.operator().negated();
        return switch (c.qualifier()) {
            case NONE -> negated != requestValues.stream().anyMatch(perValue);
            case FOR_ANY_VALUE -> negated ? requestValues.stream().anyMatch(perValue.negate()) : requestValues.stream().anyMatch(perValue);
            case FOR_ALL_VALUES -> negated ? requestValues.stream().noneMatch(perValue) : requestValues.stream().allMatch(perValue);
        };
    }

    /** Variables are substituted in string and ARN values; a value whose variable has no value is dropped (matches nothing). */
    private static List<Object> policyValues(Condition c, RequestContext context) {
        Family family = c.operator().family();
        List<Object> out = new ArrayList<>(c.values().size());
        for (Value v : c.values()) {
            if (family == Family.STRING || family == Family.ARN) {
                Optional<Glob> glob = PolicyVariables.substitute(v.text(), context);
                glob.ifPresent(out::add);
            } else {
                out.add(v.text());
            }
        }
        return out;
    }

    static boolean substitutesVariables(Condition c) {
        Family family = c.operator().family();
        return (family == Family.STRING || family == Family.ARN) && c.values().stream().anyMatch(v -> PolicyVariables.hasVariables(v.text()));
    }

    /** The operator's comparison of one request value with one policy value written without variables (not Null). */
    static boolean valueMatches(ConditionOperator op, String requestValue, String policyValue) {
        Family family = op.family();
        return compare(op, requestValue, family == Family.STRING || family == Family.ARN ? Glob.of(policyValue) : policyValue);
    }

    private static boolean compare(ConditionOperator op, String requestValue, Object policyValue) {
        return switch (op.family()) {
            case STRING -> StringCondition.matches(op, requestValue, (Glob) policyValue);
            case ARN -> Arns.matches((Glob) policyValue, requestValue);
            case NUMERIC -> NumericCondition.matches(op, requestValue, (String) policyValue);
            case DATE -> DateCondition.matches(op, requestValue, (String) policyValue);
            case BOOL -> BoolCondition.matches(requestValue, (String) policyValue);
            case BINARY -> BinaryCondition.matches(requestValue, (String) policyValue);
            case IP -> IpCondition.matches(requestValue, (String) policyValue);
            case NULL -> throw new IllegalStateException("Null is evaluated on presence");
        };
    }
}
