package io.github.scpauditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 in the subset GitHub code scanning reads: the check catalogue as rules (with a
 * security-severity), one result per finding located at its file and line, and input errors as
 * tool execution notifications.
 */
public final class SarifRenderer implements Renderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:/");

    /** A check of the catalogue as a SARIF rule. */
    public record Rule(String id, String summary, Severity defaultSeverity) {
    }

    private final List<Rule> rules;
    private final UnaryOperator<String> artifactOf;
    private final ObjectWriter writer = PrettyJson.writer();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /**
     * @param rules      the check catalogue
     * @param artifactOf the file (relative path) a finding's or error's source came from; for a policy
     *                   read from an organisation snapshot, the snapshot file
     */
    public SarifRenderer(List<Rule> rules, UnaryOperator<String> artifactOf) {
        this.rules = List.copyOf(rules);
        this.artifactOf = artifactOf;
    }

    @Override
    public String render(Report report) {
        ObjectNode log = nodes.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "scp-auditor");
        ArrayNode ruleNodes = driver.putArray("rules");
        for (Rule rule : rules) {
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.putObject("shortDescription").put("text", rule.summary());
            // GitHub code scanning requires fullDescription.text and help.text on every rule.
            node.putObject("fullDescription").put("text", rule.summary() + ". Default severity: "
                    + rule.defaultSeverity().name() + "; a finding may be rated otherwise, and its message says why.");
            node.putObject("help").put("text", "Each result names the statement (index and Sid), says why it is a "
                    + "problem in the partition audited, and ends with the fix. The check catalogue in scp-auditor's "
                    + "README describes " + rule.id() + ".");
            node.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
            ObjectNode properties = node.putObject("properties");
            properties.putArray("tags").add("security");
            properties.put("security-severity", securitySeverity(rule.defaultSeverity()));
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.errors().isEmpty());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (InputError error : report.errors()) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "error");
            notification.putObject("message").put("text", error.source() + ": " + error.message());
            notification.putArray("locations").addObject().putObject("physicalLocation")
                    .putObject("artifactLocation").put("uri", uri(artifactOf.apply(error.source())));
        }
        if (report.incomplete() != null) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "warning");
            notification.putObject("message").put("text", "The run is incomplete: " + report.incomplete().reason()
                    + "; not read: " + String.join(", ", report.incomplete().notRead()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            results.add(result(finding));
        }
        try {
            return writer.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SARIF log", e);
        }
    }

    private ObjectNode result(Finding finding) {
        ObjectNode result = nodes.objectNode();
        result.put("ruleId", finding.checkId());
        result.put("level", level(finding.severity()));
        StringBuilder text = new StringBuilder();
        if (finding.statement() != null) {
            text.append("Statement ").append(finding.statement().index());
            if (finding.statement().sid() != null) {
                text.append(" (").append(finding.statement().sid()).append(')');
            }
            text.append(": ");
        }
        text.append(finding.message());
        if (finding.remediation() != null) {
            text.append(" Fix: ").append(finding.remediation());
        }
        result.putObject("message").put("text", text.toString());
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        String artifact = artifactOf.apply(finding.source());
        physical.putObject("artifactLocation").put("uri", uri(artifact));
        // GitHub places every result on a line; a policy read from a snapshot is located at the snapshot's top.
        boolean inOwnFile = artifact.equals(finding.source());
        physical.putObject("region").put("startLine", inOwnFile && finding.line() != null ? finding.line() : 1);
        if (!inOwnFile) {
            location.putArray("logicalLocations").addObject().put("name", finding.source()).put("kind", "policy");
        }
        // Several findings can share a rule and a line (a snapshot's policies all sit at its top): without a
        // fingerprint of their own, code scanning would fold them into one alert. Code scanning reads only
        // primaryLocationLineHash (and fills it from the line's text when it is missing), so the finding's own
        // identity goes there: it also keeps an alert on its statement when lines above it move.
        result.putObject("partialFingerprints").put("primaryLocationLineHash",
                fingerprint(finding.source() + "\n" + finding.checkId() + "\n" + finding.pointer()));
        ObjectNode properties = result.putObject("properties");
        properties.put("severity", finding.severity().name());
        properties.put("category", finding.category().id());
        properties.put("security-severity", securitySeverity(finding.severity()));
        if (finding.exposure() != null) {
            properties.put("activeAccounts", finding.exposure().activeAccounts());
        }
        return result;
    }

    /** A stable hex digest: the same finding keeps its alert from one run to the next. */
    static String fingerprint(String identity) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** SARIF levels: error for CRITICAL and HIGH, warning for MEDIUM, note for LOW and INFO. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub maps over 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    /**
     * The URI of a path: a relative reference for a relative path, a file URI for an absolute one (SARIF
     * resolves a relative reference against the checkout, so "/tmp/p.json" would name a file inside it);
     * forward slashes, spaces and other reserved characters escaped.
     */
    static String uri(String path) {
        String slashed = path.replace('\\', '/');
        boolean absolute = slashed.startsWith("/") || WINDOWS_DRIVE.matcher(slashed).lookingAt();
        int colon = slashed.indexOf(':');
        int slash = slashed.indexOf('/');
        // A colon in the first segment would read as a scheme (RFC 3986, 4.2): "./" keeps it a path.
        String relative = colon >= 0 && (slash < 0 || colon < slash) ? "./" + slashed : slashed;
        try {
            return absolute
                    ? new URI("file", "", slashed.startsWith("/") ? slashed : "/" + slashed, null).toASCIIString()
                    : new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._/-]", "_");
        }
    }
}
