package io.github.scpauditor.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scpauditor.report.Renderer;
import io.github.scpauditor.report.Report;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a JSON report into numbered parts that each fit one SNS message. Every part is a complete JSON
 * report of the same schema: the run's summary (so each part alone says what the run found), a slice of the
 * findings, errors and not-read policies in report order, and {@code "part": {"number": i, "of": n}}.
 * Concatenating the parts' lists in part order gives back the whole report; nothing is dropped.
 */
public final class ReportParts {

    /** One part, ready to publish. */
    public record Part(int number, int of, String json) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Report report;
    private final String organizationId;
    private final Renderer json;
    private final int maxBytes;
    private final int findings;
    private final int errors;
    private final int notRead;

    private ReportParts(Report report, String organizationId, Renderer json, int maxBytes) {
        this.report = report;
        this.organizationId = organizationId;
        this.json = json;
        this.maxBytes = maxBytes;
        this.findings = report.findings().size();
        this.errors = report.errors().size();
        this.notRead = report.incomplete() == null ? 0 : report.incomplete().notRead().size();
    }

    /**
     * @param json     renders one part's report (the project's JSON report renderer)
     * @param maxBytes the largest a part's JSON may be, in UTF-8 bytes
     * @throws IllegalStateException if a single finding or error alone does not fit
     */
    public static List<Part> split(Report report, String organizationId, Renderer json, int maxBytes) {
        return new ReportParts(report, organizationId, json, maxBytes).split();
    }

    /** The whole report as one JSON document with the organisation id and no part marker (the on-demand result). */
    public static String whole(Report report, String organizationId, Renderer json) {
        try {
            return MAPPER.writeValueAsString(withOrganization(organizationId, json.render(report)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Part> split() {
        List<int[]> ranges = new ArrayList<>();
        pack(0, findings + errors + notRead, ranges);
        List<int[]> merged = merge(ranges);
        List<Part> parts = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            int[] r = merged.get(i);
            parts.add(new Part(i + 1, merged.size(), render(r[0], r[1], i + 1, merged.size())));
        }
        return parts;
    }

    /** Halves a range that does not fit until each piece does, keeping report order. */
    private void pack(int from, int to, List<int[]> out) {
        if (fits(from, to)) {
            out.add(new int[] {from, to});
            return;
        }
        if (to - from <= 1) {
            throw new IllegalStateException("item " + from + " of the report alone exceeds " + maxBytes + " bytes");
        }
        int mid = (from + to) >>> 1;
        pack(from, mid, out);
        pack(mid, to, out);
    }

    /** Halving leaves parts about half full; joining neighbours that fit together brings the count down. */
    private List<int[]> merge(List<int[]> ranges) {
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && fits(last[0], r[1])) {
                last[1] = r[1];
            } else {
                merged.add(r.clone());
            }
        }
        return merged;
    }

    private boolean fits(int from, int to) {
        // Sized with the widest part numbers a run can have, so the final numbering never makes a part grow.
        return render(from, to, Integer.MAX_VALUE, Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    private String render(int from, int to, int number, int of) {
        Report part = new Report(
                report.partition(),
                report.findings().subList(clamp(from, 0, findings), clamp(to, 0, findings)),
                report.errors().subList(clamp(from, findings, errors), clamp(to, findings, errors)),
                report.summary(),
                report.incomplete() == null ? null : new Report.Incomplete(report.incomplete().reason(),
                        report.incomplete().notRead().subList(clamp(from, findings + errors, notRead),
                                clamp(to, findings + errors, notRead))));
        try {
            ObjectNode node = withOrganization(organizationId, json.render(part));
            node.putObject("part").put("number", number).put("of", of);
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode withOrganization(String organizationId, String reportJson) throws JsonProcessingException {
        ObjectNode node = MAPPER.createObjectNode();
        if (organizationId != null) {
            node.put("organizationId", organizationId);
        }
        node.setAll((ObjectNode) MAPPER.readTree(reportJson));
        return node;
    }

    /** The index within one list (starting at {@code offset} in the concatenated order, {@code size} long) of position {@code i}. */
    private static int clamp(int i, int offset, int size) {
        return Math.max(0, Math.min(size, i - offset));
    }
}
