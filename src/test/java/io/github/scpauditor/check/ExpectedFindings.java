package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scpauditor.report.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An exact expectation on a list of findings: every expected finding is there (check id, severity,
 * statement index, and pointer / line / category / message and remediation fragments when given), and nothing
 * else is.
 */
public record ExpectedFindings(List<Expected> expected) {

    /** One expected finding; null fields are not constrained, except statement (null = a policy-level finding). */
    public record Expected(String checkId, String severity, Integer statement, String pointer, Integer line,
            String category, String messageContains, String remediationContains) {

        boolean matches(Finding f) {
            return f.checkId().equals(checkId)
                    && f.severity().name().equals(severity)
                    && Objects.equals(statement, f.statement() == null ? null : f.statement().index())
                    && (pointer == null || pointer.equals(f.pointer()))
                    && (line == null || line.equals(f.line()))
                    && (category == null || category.equals(f.category().id()))
                    && (messageContains == null || f.message().contains(messageContains))
                    && (remediationContains == null || f.remediation().contains(remediationContains));
        }

        @Override
        public String toString() {
            return checkId + " " + severity + " statement=" + statement + (pointer == null ? "" : " pointer=" + pointer)
                    + (line == null ? "" : " line=" + line)
                    + (category == null ? "" : " category=" + category)
                    + (messageContains == null ? "" : " message~\"" + messageContains + "\"")
                    + (remediationContains == null ? "" : " remediation~\"" + remediationContains + "\"");
        }
    }

    /** Reads [{checkId, severity, statement, pointer?, line?, category?, messageContains?, remediationContains?}]. */
    public static ExpectedFindings fromJson(JsonNode array) {
        List<Expected> list = new ArrayList<>();
        for (JsonNode e : array) {
            if (!e.has("statement")) {
                throw new IllegalArgumentException("an expectation must say its statement (null for the policy): " + e);
            }
            list.add(new Expected(e.path("checkId").asText(), e.path("severity").asText(),
                    e.get("statement").isNull() ? null : e.get("statement").asInt(),
                    text(e, "pointer"), e.hasNonNull("line") ? e.get("line").asInt() : null, text(e, "category"),
                    text(e, "messageContains"), text(e, "remediationContains")));
        }
        return new ExpectedFindings(list);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** Fails, listing what was found, unless the findings are exactly the expected ones. */
    public void assertMatch(String what, List<Finding> actual) {
        List<Finding> unmatched = new ArrayList<>(actual);
        List<Expected> missing = new ArrayList<>();
        for (Expected e : expected) {
            Finding match = unmatched.stream().filter(e::matches).findFirst().orElse(null);
            if (match == null) {
                missing.add(e);
            } else {
                unmatched.remove(match);
            }
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            fail(what + ":\n  missing:\n" + lines(missing.stream().map(Expected::toString).toList())
                    + "  unexpected:\n" + lines(unmatched.stream().map(ExpectedFindings::describe).toList())
                    + "  all found:\n" + lines(actual.stream().map(ExpectedFindings::describe).toList()));
        }
    }

    static String describe(Finding f) {
        return f.checkId() + " " + f.severity() + " statement=" + (f.statement() == null ? null : f.statement().index())
                + " pointer=" + f.pointer() + " line=" + f.line() + " category=" + f.category().id()
                + "\n        message: " + f.message() + "\n        remediation: " + f.remediation();
    }

    private static String lines(List<String> items) {
        return items.stream().map(s -> "    " + s + "\n").collect(Collectors.joining());
    }
}
