package io.github.scpauditor.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scpauditor.report.ReportMessages;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one event asks for. An EventBridge scheduled event ({@code "source": "aws.events"},
 * {@code "detail-type": "Scheduled Event"}) is the full audit, published. Any other event is an on-demand
 * run from the console: a JSON object whose keys are options, every one optional —
 * {@code publish} (boolean, default false), {@code minSeverity} (CRITICAL … INFO), {@code policyIds}
 * (array of SCP ids) and {@code locale} (en, zh-CN). An unknown key is an error naming it.
 *
 * @param policyIds empty for every policy
 * @param locale    the language tag of e-mails and alerts
 */
public record Invocation(Trigger trigger, boolean publish, Severity minSeverity, List<String> policyIds, String locale) {

    public enum Trigger { SCHEDULED, ON_DEMAND }

    public static final List<String> OPTIONS = List.of("publish", "minSeverity", "policyIds", "locale");

    public Invocation {
        policyIds = List.copyOf(policyIds);
    }

    /** The event is not one this function understands; the message says what to change. */
    public static final class InvalidEventException extends IllegalArgumentException {
        InvalidEventException(String message) {
            super(message);
        }
    }

    public static Invocation parse(JsonNode event, Settings settings) {
        if (event == null || event.isNull() || event.isMissingNode()) {
            return new Invocation(Trigger.ON_DEMAND, false, Severity.INFO, List.of(), settings.locale());
        }
        if (!event.isObject()) {
            throw new InvalidEventException("the event must be a JSON object of options (" + String.join(", ", OPTIONS)
                    + ") or an EventBridge scheduled event, not " + event.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if ("aws.events".equals(event.path("source").asText(null))
                && "Scheduled Event".equals(event.path("detail-type").asText(null))) {
            return new Invocation(Trigger.SCHEDULED, true, Severity.INFO, List.of(), settings.locale());
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!OPTIONS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidEventException("unknown option(s) " + String.join(", ", unknown)
                    + "; an on-demand event may carry only " + String.join(", ", OPTIONS)
                    + ", and a scheduled event needs \"source\": \"aws.events\" and \"detail-type\": \"Scheduled Event\"");
        }
        List<String> problems = new ArrayList<>();
        boolean publish = false;
        JsonNode p = event.get("publish");
        if (p != null) {
            if (p.isBoolean()) {
                publish = p.booleanValue();
            } else {
                problems.add("publish must be true or false");
            }
        }
        Severity minSeverity = Severity.INFO;
        JsonNode m = event.get("minSeverity");
        if (m != null) {
            try {
                minSeverity = Severity.parse(m.isTextual() ? m.textValue() : "?");
            } catch (IllegalArgumentException e) {
                problems.add("minSeverity must be one of " + List.of(Severity.values()) + ", not " + m);
            }
        }
        List<String> policyIds = new ArrayList<>();
        JsonNode ids = event.get("policyIds");
        if (ids != null) {
            if (ids.isArray() && ids.size() > 0) {
                for (JsonNode id : ids) {
                    if (id.isTextual() && !id.textValue().isBlank()) {
                        policyIds.add(id.textValue().trim());
                    } else {
                        problems.add("policyIds must hold policy ids (strings), not " + id);
                    }
                }
            } else {
                problems.add("policyIds must be a non-empty array of policy ids such as [\"p-examplescp1\"]");
            }
        }
        String locale = settings.locale();
        JsonNode l = event.get("locale");
        if (l != null) {
            try {
                locale = ReportMessages.forTag(l.isTextual() ? l.textValue() : l.toString()).locale().toLanguageTag();
            } catch (IllegalArgumentException e) {
                problems.add("locale: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException("invalid option(s): " + String.join("; ", problems));
        }
        return new Invocation(Trigger.ON_DEMAND, publish, minSeverity, policyIds, locale);
    }

    /** For the run log: the options as given. */
    Map<String, Object> describe() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("trigger", trigger.name());
        options.put("publish", publish);
        options.put("minSeverity", minSeverity.name());
        options.put("policyIds", policyIds);
        options.put("locale", locale);
        return options;
    }
}
