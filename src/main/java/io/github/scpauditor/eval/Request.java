package io.github.scpauditor.eval;

import java.util.List;
import java.util.Map;

/**
 * A concrete request as the simulate command reads it: action ("iam:CreateRole"), resource ARN,
 * principal ARN and the request context (key to values; single-valued keys have one value).
 * Context keys are compared case-insensitively.
 */
public record Request(String action, String resource, String principalArn, Map<String, List<String>> context) {
    public Request {
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
