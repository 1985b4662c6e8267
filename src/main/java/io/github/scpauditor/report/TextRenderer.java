package io.github.scpauditor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The report for a person at a terminal: findings grouped by policy (the policy with the most severe
 * finding first), each with its statement, line, message, fix and exposure; then the errors, what an
 * incomplete run did not read, and a summary line. Lines are wrapped at 100 columns.
 */
public final class TextRenderer implements Renderer {

    static final int WIDTH = 100;
    private static final String FINDING_INDENT = "  ";
    private static final String DETAIL_INDENT = "      ";

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("scp-auditor report for partition ").append(report.partition()).append('\n');

        Map<String, List<Finding>> byPolicy = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            // Findings arrive most severe first, so a policy's first appearance orders the groups.
            byPolicy.computeIfAbsent(finding.source(), source -> new ArrayList<>()).add(finding);
        }
        for (Map.Entry<String, List<Finding>> policy : byPolicy.entrySet()) {
            out.append('\n').append(policy.getKey()).append('\n');
            for (Finding finding : policy.getValue()) {
                finding(out, finding);
            }
        }

        if (!report.errors().isEmpty()) {
            out.append("\nErrors (inputs not read or not parsed)\n");
            for (InputError error : report.errors()) {
                wrap(out, FINDING_INDENT, FINDING_INDENT + "  ", error.source() + ": " + error.message());
            }
        }
        if (report.incomplete() != null) {
            out.append("\nIncomplete run\n");
            wrap(out, FINDING_INDENT, FINDING_INDENT, report.incomplete().reason());
            if (!report.incomplete().notRead().isEmpty()) {
                wrap(out, FINDING_INDENT, FINDING_INDENT + "  ",
                        "Not read: " + String.join(", ", report.incomplete().notRead()));
            }
        }
        out.append('\n');
        wrap(out, "", "  ", summary(report.summary()));
        return out.toString();
    }

    private static void finding(StringBuilder out, Finding finding) {
        String severity = finding.severity().name();
        String label = severity + " ".repeat(Math.max(1, 9 - severity.length())) + finding.checkId();
        String statement = finding.statement() == null ? null : "statement " + finding.statement().index()
                + (finding.statement().sid() == null ? "" : " \"" + finding.statement().sid() + "\"");
        String line = finding.line() == null ? "" : ", line " + finding.line();
        // Not wrapped word by word, so the padded severity column stays aligned; where a long Sid (Control
        // Tower's run to 50 characters) would pass the 100th column, the statement goes under the check id.
        out.append(FINDING_INDENT).append(label);
        if (statement == null) {
            out.append(line);
        } else {
            boolean fits = FINDING_INDENT.length() + label.length() + 2 + statement.length() + line.length() <= WIDTH;
            out.append(fits ? "  " : "\n" + FINDING_INDENT + " ".repeat(9)).append(statement).append(line);
        }
        out.append('\n');
        wrap(out, DETAIL_INDENT, DETAIL_INDENT, finding.message());
        if (finding.remediation() != null) {
            wrap(out, DETAIL_INDENT, DETAIL_INDENT + "  ", "Fix: " + finding.remediation());
        }
        if (finding.exposure() != null) {
            wrap(out, DETAIL_INDENT, DETAIL_INDENT + "  ", "Applies to: " + exposure(finding.exposure()));
        }
    }

    private static String exposure(Exposure exposure) {
        StringJoiner targets = new StringJoiner(", ");
        for (Exposure.Target target : exposure.targets()) {
            String type = target.type() == null ? "" : target.type().toLowerCase(Locale.ROOT).replace('_', ' ') + " ";
            targets.add(type + (target.name() == null || target.name().equals(target.id())
                    ? target.id() : target.name() + " (" + target.id() + ")"));
        }
        String accounts = exposure.activeAccounts() + " active account" + (exposure.activeAccounts() == 1 ? "" : "s");
        return exposure.targets().isEmpty() ? accounts : targets + "; " + accounts;
    }

    private static String summary(Summary summary) {
        StringBuilder line = new StringBuilder("Summary: ");
        line.append(count(summary.policies(), "policy", "policies")).append(" audited, ")
                .append(count(summary.findings(), "finding", "findings"));
        if (summary.findings() > 0) {
            StringJoiner severities = new StringJoiner(", ", " (", ")");
            summary.bySeverity().forEach((severity, n) -> {
                if (n > 0) {
                    severities.add(n + " " + severity);
                }
            });
            line.append(severities);
        }
        line.append(", ").append(count(summary.errors(), "error", "errors")).append('.');
        return line.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Word-wraps text to {@link #WIDTH}; a word longer than a line (an ARN) stays whole on its own line. */
    static void wrap(StringBuilder out, String firstIndent, String nextIndent, String text) {
        String indent = firstIndent;
        StringBuilder line = new StringBuilder(indent);
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                indent = nextIndent;
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }
}
