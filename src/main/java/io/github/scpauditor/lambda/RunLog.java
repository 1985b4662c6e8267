package io.github.scpauditor.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The log lines of one run: one structured JSON line that says what happened (counts, timings, API calls,
 * throttles), and one CloudWatch Embedded Metric Format line from which CloudWatch extracts the metrics the
 * template's alarms watch. Each is a single line, as EMF requires.
 */
final class RunLog {

    static final String NAMESPACE = "ScpAuditor";
    static final String DIMENSION = "FunctionName";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode line = MAPPER.createObjectNode();
    private final Map<String, Long> metrics = new LinkedHashMap<>();

    RunLog(Invocation invocation) {
        line.put("message", "scp-auditor run");
        line.put("level", "INFO");
        line.set("invocation", MAPPER.valueToTree(invocation.describe()));
    }

    RunLog(String level, String message) {
        line.put("message", message);
        line.put("level", level);
    }

    RunLog put(String field, Object value) {
        line.set(field, MAPPER.valueToTree(value));
        return this;
    }

    RunLog failed(String failure, String detail) {
        line.put("level", "ERROR");
        line.put("outcome", "failed");
        line.put("failure", failure);
        line.put("detail", detail);
        metrics.put("RunFailures", 1L);
        return this;
    }

    RunLog report(String organizationId, Report report) {
        line.put("organizationId", organizationId);
        line.put("policies", report.summary().policies());
        line.put("findings", report.findings().size());
        line.set("bySeverity", MAPPER.valueToTree(report.summary().bySeverity()));
        line.set("byCategory", MAPPER.valueToTree(report.summary().byCategory()));
        line.put("errors", report.errors().size());
        line.put("complete", report.incomplete() == null);
        if (report.incomplete() != null) {
            line.put("notRead", report.incomplete().notRead().size());
        }
        for (Severity s : Severity.values()) {
            metrics.put("Findings" + capitalised(s), (long) report.summary().bySeverity().getOrDefault(s, 0));
        }
        metrics.put("ReadErrors", (long) report.errors().size());
        metrics.put("PoliciesNotRead", report.incomplete() == null ? 0L : report.incomplete().notRead().size());
        return this;
    }

    /** Organizations requests sent (retries included) and how many were throttled (TooManyRequestsException). */
    RunLog api(long calls, long throttles) {
        ObjectNode api = line.putObject("api");
        api.put("calls", calls);
        api.put("throttles", throttles);
        metrics.put("ApiCalls", calls);
        metrics.put("ApiThrottles", throttles);
        return this;
    }

    RunLog millis(Map<String, Long> timings) {
        line.set("millis", MAPPER.valueToTree(timings));
        return this;
    }

    String line() {
        if (!line.has("outcome") && line.has("invocation")) {
            line.put("outcome", line.path("complete").asBoolean(true) ? "ok" : "partial");
        }
        return line.toString();
    }

    /** The EMF document, or null when the run produced no metric. */
    String metricsLine(String functionName, long timestampMillis) {
        if (metrics.isEmpty()) {
            return null;
        }
        ObjectNode doc = MAPPER.createObjectNode();
        ObjectNode aws = doc.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        ArrayNode definitions = directive.putArray("Metrics");
        doc.put(DIMENSION, functionName);
        for (Map.Entry<String, Long> m : metrics.entrySet()) {
            definitions.addObject().put("Name", m.getKey()).put("Unit", "Count");
            doc.put(m.getKey(), m.getValue());
        }
        return doc.toString();
    }

    private static String capitalised(Severity s) {
        String n = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
