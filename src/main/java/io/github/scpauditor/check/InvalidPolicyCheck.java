package io.github.scpauditor.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.policy.ParseProblem;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import io.github.scpauditor.report.StatementRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document Organizations would not accept as an SCP: one finding per problem the parser found (not
 * JSON, not a policy, an unknown element, a wrong type…), plus the IAM grammar that SCPs do not allow
 * (Principal and NotPrincipal: an SCP applies to every principal of the accounts it is attached to).
 */
public final class InvalidPolicyCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("INVALID_POLICY", Severity.HIGH, Category.GRAMMAR,
            "Not JSON, or not an SCP (missing Statement, unknown element, wrong types, Principal)");

    private static final Pattern STATEMENT_POINTER = Pattern.compile("^/Statement(?:/(\\d+))?(?:/|$)");
    /** Holder idiom: an ObjectMapper costs a cold start tens of milliseconds, and only invalid policies need one. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        JsonNode document = policy.parsed().valid() ? null : readQuietly(policy.source().text());
        for (ParseProblem problem : policy.parsed().problems()) {
            String where = problem.location().pointer().isEmpty() ? "the document" : problem.location().pointer();
            findings.add(Findings.at(INFO, Severity.HIGH, Category.GRAMMAR, policy,
                    statementOf(problem.location().pointer(), document), problem.location(),
                    "Organizations would reject this policy: " + problem.message() + ".",
                    "Correct " + where + " (line " + problem.location().line() + "); until then this SCP cannot be "
                            + "created or updated, and the other checks only see its well-formed statements."));
        }
        for (Statement statement : policy.parsed().policy().statements()) {
            if (statement.principal() != null) {
                String element = statement.principal().element();
                findings.add(Findings.at(INFO, Severity.HIGH, Category.GRAMMAR, policy, statement,
                        statement.principal().location(),
                        "SCPs do not support " + element + ": Organizations rejects this policy, and an SCP already "
                                + "applies to every principal of the accounts it is attached to.",
                        "Remove " + element + "; to exempt or target principals, use a condition on aws:PrincipalArn "
                                + "(e.g. ArnNotLike with arn:" + context.evaluator().partition().id()
                                + ": or arn:*: ARNs)."));
            }
        }
        return findings;
    }

    /** The statement a problem sits in, with its Sid when the document is JSON enough to read it. */
    private static StatementRef statementOf(String pointer, JsonNode document) {
        Matcher m = STATEMENT_POINTER.matcher(pointer);
        if (!m.find()) {
            return null;
        }
        boolean single = m.group(1) == null;
        if (single && (document == null || !document.path("Statement").isObject())) {
            return null; // the Statement element itself, not one statement
        }
        int index = single ? 0 : Integer.parseInt(m.group(1));
        JsonNode statement = document == null ? null
                : single ? document.path("Statement") : document.path("Statement").path(index);
        JsonNode sid = statement == null ? null : statement.path("Sid");
        return new StatementRef(index, sid != null && sid.isTextual() ? sid.asText() : null);
    }

    private static JsonNode readQuietly(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
