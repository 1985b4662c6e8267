package io.github.scpauditor.eval;

import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.ParseResult;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.Statement;

/** The aws-cn evaluator shared by the tests, and statements written as JSON. */
final class ChinaFixture {
    static final Evaluator CN = new Evaluator(Partition.of("aws-cn"));

    private ChinaFixture() {
    }

    /** A one-statement policy around the given statement members, e.g. {@code "Effect": "Deny", "Action": "*"}. */
    static Statement stmt(String members) {
        ParseResult parsed = PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{" + members + "}]}");
        if (!parsed.valid()) {
            throw new AssertionError("fixture policy does not parse: " + parsed.problems());
        }
        return parsed.policy().statements().get(0);
    }
}
