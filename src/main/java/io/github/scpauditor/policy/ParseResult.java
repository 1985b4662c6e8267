package io.github.scpauditor.policy;

import java.util.List;

/**
 * The outcome of parsing: the statements that could be read (possibly none) and every problem found.
 * A document with problems still yields its well-formed statements, so other checks can run on them.
 */
public record ParseResult(Policy policy, List<ParseProblem> problems) {
    public ParseResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
