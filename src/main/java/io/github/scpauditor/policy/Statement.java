package io.github.scpauditor.policy;

import java.util.List;

/**
 * One statement. {@code sid} is the Sid with where it was written (null when absent), {@code actions}
 * the Action or NotAction element, {@code resources} the Resource or NotResource element (null when
 * absent, which SCPs allow and which means every resource), {@code principal} is null unless the policy
 * names one.
 */
public record Statement(
        int index,
        Value sid,
        Effect effect,
        ValueList actions,
        ValueList resources,
        PrincipalElement principal,
        List<Condition> conditions,
        Location location) {
    public Statement {
        conditions = List.copyOf(conditions);
    }

    /** The Sid's text, or null when the statement has none. */
    public String sidText() {
        return sid == null ? null : sid.text();
    }
}
