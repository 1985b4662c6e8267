package io.github.scpauditor.policy;

import java.util.List;

/**
 * One operator/key pair of a Condition block, e.g. {@code "ForAnyValue:StringNotLikeIfExists":
 * {"aws:PrincipalArn": [...]}}. Keys are kept as written; IAM compares them case-insensitively.
 */
public record Condition(
        String operatorText,
        ConditionOperator operator,
        SetQualifier qualifier,
        boolean ifExists,
        String key,
        List<Value> values,
        Location location) {
    public Condition {
        values = List.copyOf(values);
    }

    /** This condition's operator as written with another base operator, keeping its qualifier and IfExists. */
    public String operatorTextWith(ConditionOperator base) {
        return qualifier.prefix() + base.json() + (ifExists ? "IfExists" : "");
    }
}
