package io.github.scpauditor.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The e-mail a person reads: region-deny and Bedrock findings first (what organisations in aws-cn ask
 * about), then the rest, each most severe first with its policy, statement, where it bites and the fix.
 * Texts come from {@link ReportMessages}; finding messages and fixes are the checks' own (English).
 * Long reports list the first {@value #DETAILED_FINDINGS} findings and count the rest, so the e-mail stays
 * readable and within one SNS message; the JSON report always has everything.
 */
public final class EmailRenderer implements Renderer {

    static final int DETAILED_FINDINGS = 50;
    static final int DETAILED_ERRORS = 50;
    static final int TARGETS_SHOWN = 5;
    static final int NOT_READ_SHOWN = 20;

    private static final Set<Category> LEADING = EnumSet.of(Category.REGION, Category.BEDROCK);

    private final ReportMessages text;
    private final String organizationId;

    /** @param organizationId named in the title; null when the report is not of an organisation */
    public EmailRenderer(ReportMessages text, String organizationId) {
        this.text = text;
        this.organizationId = organizationId;
    }

    public EmailRenderer(ReportMessages text) {
        this(text, null);
    }

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        line(out, organizationId == null
                ? text.get("title.noOrganization", report.partition())
                : text.get("title", organizationId, report.partition()));
        out.append('\n');
        if (report.incomplete() != null) {
            partial(out, report.incomplete());
        }
        summary(out, report);

        List<Finding> leading = new ArrayList<>();
        List<Finding> other = new ArrayList<>();
        for (Finding f : report.findings()) {
            (LEADING.contains(f.category()) ? leading : other).add(f);
        }
        leading.sort(Report.ORDER);
        other.sort(Report.ORDER);
        int shown = 0;
        shown = section(out, "section.lead", leading, shown);
        shown = section(out, "section.other", other, shown);
        if (shown < report.findings().size()) {
            line(out, text.get("more", report.findings().size() - shown));
            out.append('\n');
        }
        errors(out, report.errors());
        line(out, text.get("footer"));
        return out.toString();
    }

    private void partial(StringBuilder out, Report.Incomplete incomplete) {
        line(out, text.get("partial.banner", incomplete.reason()));
        if (!incomplete.notRead().isEmpty()) {
            List<String> names = incomplete.notRead();
            List<String> listed = new ArrayList<>(names.subList(0, Math.min(NOT_READ_SHOWN, names.size())));
            if (names.size() > NOT_READ_SHOWN) {
                listed.add(text.get("targets.more", names.size() - NOT_READ_SHOWN));
            }
            line(out, text.get("partial.notRead", names.size(), text.join(listed)));
        }
        out.append('\n');
    }

    private void summary(StringBuilder out, Report report) {
        Summary summary = report.summary();
        if (report.findings().isEmpty()) {
            line(out, text.get("summary.clean", summary.policies()));
        } else {
            List<String> counts = new ArrayList<>();
            for (Severity s : Severity.values()) {
                int n = summary.bySeverity().getOrDefault(s, 0);
                if (n > 0) {
                    counts.add(text.get("summary.severityCount", n, text.severity(s)));
                }
            }
            line(out, text.get("summary.counts", report.findings().size(), summary.policies(), text.join(counts)));
        }
        if (!report.errors().isEmpty()) {
            line(out, text.get("summary.errors", report.errors().size()));
        }
        out.append('\n');
    }

    /** Writes the section's findings while fewer than DETAILED_FINDINGS are shown; returns how many are shown now. */
    private int section(StringBuilder out, String titleKey, List<Finding> findings, int shownBefore) {
        if (findings.isEmpty() || shownBefore >= DETAILED_FINDINGS) {
            return shownBefore;
        }
        line(out, text.get(titleKey, findings.size()));
        out.append('\n');
        int shown = shownBefore;
        for (Finding f : findings) {
            if (shown == DETAILED_FINDINGS) {
                break;
            }
            shown++;
            finding(out, shown, f);
        }
        return shown;
    }

    private void finding(StringBuilder out, int number, Finding f) {
        line(out, text.get("finding.heading", number, text.severity(f.severity()), f.checkId(), text.category(f.category())));
        StatementRef st = f.statement();
        String policy;
        if (st == null) {
            policy = text.get("finding.policy", f.source());
        } else if (st.sid() == null || st.sid().isEmpty()) {
            policy = text.get("finding.policyStatement", f.source(), st.index());
        } else {
            policy = text.get("finding.policyStatementSid", f.source(), st.index(), st.sid());
        }
        indented(out, policy);
        indented(out, f.message());
        if (f.exposure() != null) {
            indented(out, exposure(f.exposure()));
        }
        if (f.remediation() != null && !f.remediation().isBlank()) {
            indented(out, text.get("finding.fix", f.remediation()));
        }
        out.append('\n');
    }

    private String exposure(Exposure exposure) {
        if (exposure.targets().isEmpty()) {
            return text.get("finding.appliesTo.none");
        }
        List<String> targets = new ArrayList<>();
        for (Exposure.Target t : exposure.targets().subList(0, Math.min(TARGETS_SHOWN, exposure.targets().size()))) {
            String type = text.getOrDefault("targetType." + t.type(), t.type());
            targets.add(t.name() == null || t.name().isBlank()
                    ? text.get("target.noName", type, t.id())
                    : text.get("target", type, t.name(), t.id()));
        }
        if (exposure.targets().size() > TARGETS_SHOWN) {
            targets.add(text.get("targets.more", exposure.targets().size() - TARGETS_SHOWN));
        }
        return text.get("finding.appliesTo", text.join(targets), exposure.activeAccounts());
    }

    private void errors(StringBuilder out, List<InputError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        line(out, text.get("section.errors", errors.size()));
        for (InputError e : errors.subList(0, Math.min(DETAILED_ERRORS, errors.size()))) {
            line(out, text.get("error", e.source(), e.message()));
        }
        if (errors.size() > DETAILED_ERRORS) {
            line(out, text.get("errors.more", errors.size() - DETAILED_ERRORS));
        }
        out.append('\n');
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }

    private static void indented(StringBuilder out, String s) {
        for (String l : s.split("\n", -1)) {
            out.append("   ").append(l).append('\n');
        }
    }
}
