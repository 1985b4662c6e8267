package io.github.scpauditor.publish;

import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The message attributes subscribers filter on. At most 10 per message: SNS drops messages with more than 10
 * attributes bound for SQS subscriptions with raw message delivery. Every name, type and value counts
 * towards the 256 KB message size.
 */
public final class Attributes {

    public static final String KIND = "kind";
    public static final String COMPLETE = "complete";
    public static final String HIGHEST_SEVERITY = "highestSeverity";
    public static final String CATEGORIES = "categories";
    public static final String PART = "part";
    public static final String FAILURE = "failure";

    public static final String KIND_SUMMARY = "summary";
    public static final String KIND_REPORT = "report";
    public static final String KIND_ALERT = "alert";

    private Attributes() {
    }

    /** kind, complete, highestSeverity (NONE when clean), categories with findings, a count per severity (lower-case names). */
    static Map<String, MessageAttributeValue> forRun(String kind, Report report) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put(KIND, string(kind));
        a.put(COMPLETE, string(Boolean.toString(report.incomplete() == null)));
        Severity highest = report.summary().highestSeverity();
        a.put(HIGHEST_SEVERITY, string(highest == null ? "NONE" : highest.name()));
        String categories = report.findings().stream()
                .map(f -> f.category())
                .distinct()
                .sorted()
                .map(Category::id)
                .map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        a.put(CATEGORIES, MessageAttributeValue.builder().dataType("String.Array").stringValue(categories).build());
        for (Severity s : Severity.values()) {
            a.put(s.name().toLowerCase(Locale.ROOT), number(report.summary().bySeverity().getOrDefault(s, 0)));
        }
        return a;
    }

    static Map<String, MessageAttributeValue> forPart(Report report, int part) {
        Map<String, MessageAttributeValue> a = forRun(KIND_REPORT, report);
        a.put(PART, number(part));
        return a;
    }

    static Map<String, MessageAttributeValue> forAlert(Failure failure) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put(KIND, string(KIND_ALERT));
        a.put(FAILURE, string(failure.name()));
        return a;
    }

    /** What the attributes add to the message's size: each name, data type and value in UTF-8 bytes. */
    static int sizeInBytes(Map<String, MessageAttributeValue> attributes) {
        int size = 0;
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            size += utf8(e.getKey()) + utf8(e.getValue().dataType()) + utf8(e.getValue().stringValue());
        }
        return size;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(int value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(value)).build();
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
