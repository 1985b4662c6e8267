package io.github.scpauditor.publish;

import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * SNS subjects. SNS requires printable ASCII that begins with a letter, number or punctuation mark, no line
 * breaks or control characters, under 100 characters — so subjects are English whatever the report's
 * locale, carry the counts and the organisation, and are cut to fit.
 */
final class Subjects {

    static final int MAX_LENGTH = 99;
    private static final String PRODUCT = "scp-auditor";

    private Subjects() {
    }

    /** "scp-auditor o-abc: 1 CRITICAL, 2 HIGH, 4 LOW" (a PARTIAL marker for an incomplete run). */
    static String forSummary(String where, Report report) {
        String head = PRODUCT + prefixed(where) + (report.incomplete() == null ? "" : " PARTIAL") + ": ";
        if (report.findings().isEmpty()) {
            String tail = "no findings, " + report.summary().policies() + " policies";
            return clean(head + tail + errors(report));
        }
        List<String> counts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = report.summary().bySeverity().getOrDefault(s, 0);
            if (n > 0) {
                counts.add(n + " " + s.name());
                sizes.add(n);
            }
        }
        // The most severe counts first; the least severe fold into "N more" when the subject would be too long.
        for (int k = counts.size(); k > 0; k--) {
            int rest = report.findings().size() - sizes.subList(0, k).stream().mapToInt(Integer::intValue).sum();
            String candidate = head + String.join(", ", counts.subList(0, k)) + (rest == 0 ? "" : ", " + rest + " more")
                    + errors(report);
            if (candidate.length() <= MAX_LENGTH) {
                return clean(candidate);
            }
        }
        return clean(head + report.findings().size() + " findings" + errors(report));
    }

    /** "scp-auditor o-abc: JSON report part 2/3". */
    static String forPart(String where, int number, int of) {
        return clean(PRODUCT + prefixed(where) + ": JSON report part " + number + "/" + of);
    }

    /** "scp-auditor FAILED o-abc: access denied". */
    static String forAlert(String where, Failure failure) {
        return clean(PRODUCT + " FAILED" + prefixed(where) + ": " + failure.subjectText());
    }

    /** Printable ASCII only (others become '?'), single spaces for any whitespace, at most MAX_LENGTH characters. */
    static String clean(String subject) {
        StringBuilder out = new StringBuilder(subject.length());
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c >= 0x21 && c <= 0x7e ? c : '?');
            }
        }
        String s = out.toString().trim();
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH).trim();
    }

    private static String prefixed(String where) {
        return where == null || where.isBlank() ? "" : " " + where.strip();
    }

    private static String errors(Report report) {
        int n = report.errors().size();
        return n == 0 ? "" : "; " + n + (n == 1 ? " error" : " errors");
    }
}
