package io.github.scpauditor.policy;

import java.util.List;

/** A parsed policy document. {@code id} is the optional top-level Id element. */
public record Policy(String version, String id, List<Statement> statements) {
    public Policy {
        statements = List.copyOf(statements);
    }
}
