package io.github.scpauditor.policy;

import java.util.List;

/**
 * One statement. {@code actions} is the Action or NotAction element, {@code resources} the Resource
 * or NotResource element (null when absent, which SCPs allow and which means every resource),
 * {@code principal} is null unless the policy names one.
 */
public record Statement(
        int index,
        String sid,
        Effect effect,
        ValueList actions,
        ValueList resources,
        PrincipalElement principal,
        List<Condition> conditions,
        Location location) {
    public Statement {
        conditions = List.copyOf(conditions);
    }
}
