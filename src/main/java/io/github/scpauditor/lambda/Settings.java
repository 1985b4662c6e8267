package io.github.scpauditor.lambda;

import io.github.scpauditor.report.ReportMessages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The function's configuration, from its environment (template.yaml sets every variable).
 *
 * @param topicArn         FINDINGS_TOPIC_ARN: where findings and alerts go; null when not set (on-demand runs can still answer)
 * @param locale           REPORT_LOCALE: en or zh-CN (default en), the language of e-mails and alerts
 * @param publishWhenClean PUBLISH_WHEN_CLEAN: does a run with nothing to report publish a short "no findings" summary (default true)
 * @param sizeQuota        SCP_SIZE_QUOTA: the SCP size quota in characters for SIZE_NEAR_LIMIT (default 10240)
 */
public record Settings(String topicArn, String locale, boolean publishWhenClean, int sizeQuota) {

    public static final String FINDINGS_TOPIC_ARN = "FINDINGS_TOPIC_ARN";
    public static final String REPORT_LOCALE = "REPORT_LOCALE";
    public static final String PUBLISH_WHEN_CLEAN = "PUBLISH_WHEN_CLEAN";
    public static final String SCP_SIZE_QUOTA = "SCP_SIZE_QUOTA";

    /** Every variable this class reads (the template test checks that template.yaml sets each one). */
    public static final List<String> VARIABLES = List.of(FINDINGS_TOPIC_ARN, REPORT_LOCALE, PUBLISH_WHEN_CLEAN, SCP_SIZE_QUOTA);

    public static final int DEFAULT_SIZE_QUOTA = 10_240;

    /** Reads the variables; a value that is set but invalid is an error naming the variable, not a silent default. */
    public static Settings fromEnvironment(Map<String, String> env) {
        String topic = blankToNull(env.get(FINDINGS_TOPIC_ARN));
        String locale = blankToNull(env.get(REPORT_LOCALE));
        if (locale == null) {
            locale = "en";
        }
        try {
            ReportMessages.forTag(locale);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REPORT_LOCALE + ": " + e.getMessage(), e);
        }
        return new Settings(topic, locale, bool(env, PUBLISH_WHEN_CLEAN, true), positiveInt(env, SCP_SIZE_QUOTA, DEFAULT_SIZE_QUOTA));
    }

    private static boolean bool(Map<String, String> env, String name, boolean otherwise) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not \"" + value + "\"");
        };
    }

    private static int positiveInt(Map<String, String> env, String name, int otherwise) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not \"" + value + "\"");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
