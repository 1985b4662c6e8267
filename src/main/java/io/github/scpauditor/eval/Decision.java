package io.github.scpauditor.eval;

import java.util.List;

/** The SCP decision for one request, and the statements that decided it. */
public record Decision(Outcome outcome, List<DecidingStatement> statements) {
    public Decision {
        statements = List.copyOf(statements);
    }

    public enum Outcome { EXPLICIT_DENY, ALLOWED, IMPLICIT_DENY }

    public record DecidingStatement(String source, int index, String sid) {
    }
}
