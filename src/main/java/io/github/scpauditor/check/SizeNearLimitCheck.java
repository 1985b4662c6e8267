package io.github.scpauditor.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.policy.Location;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A policy whose stored text is within 10% of the SCP size quota (a setting; 10,240 characters since May
 * 2026). Organizations counts every character as stored, whitespace included. Over the quota the policy
 * cannot be created or updated at all, so that finding is raised to HIGH.
 */
public final class SizeNearLimitCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("SIZE_NEAR_LIMIT", Severity.INFO, Category.GRAMMAR,
            "A policy within 10% of the SCP size quota (whitespace counts)");

    private static final JsonFactory JSON = new JsonFactory();

    /** Holder idiom: an ObjectMapper costs a cold start some 250 ms, and only documents with duplicate keys need one. */
    private static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        String text = policy.source().text();
        int quota = context.sizeQuota();
        int size = text.codePointCount(0, text.length());
        if (size < quota - quota / 10) {
            return List.of();
        }
        boolean over = size > quota;
        String message = "The policy is " + Wording.grouped(size) + " characters, " + (over ? "over" : "within 10% of")
                + " the " + Wording.grouped(quota) + "-character SCP size quota"
                + " (Organizations counts every stored character, whitespace included).";
        String remediation = minified(text)
                .filter(m -> m < size)
                .map(m -> "Store it without whitespace outside strings (" + Wording.grouped(m) + " characters)"
                        + (m > quota ? ", and split it into two SCPs." : "; if it keeps growing, split it into two SCPs."))
                .orElse("Split it into two SCPs, or merge statements that share an Effect and conditions.");
        return List.of(Findings.ofPolicy(INFO, over ? Severity.HIGH : Severity.INFO, Category.GRAMMAR, policy,
                Location.ROOT, message, remediation));
    }

    /**
     * The length of the document as Jackson writes it back compactly; empty when it is not JSON. Copied
     * token by token: the same output as through a JsonNode tree without an ObjectMapper, except where a
     * tree would keep only the last of duplicate keys (or where there is no value at all), which still
     * goes through one.
     */
    private static Optional<Integer> minified(String text) {
        StringWriter compact = new StringWriter(text.length());
        try (JsonParser parser = JSON.createParser(text); JsonGenerator generator = JSON.createGenerator(compact)) {
            Deque<Set<String>> keysOfOpenObjects = new ArrayDeque<>();
            JsonToken token = parser.nextToken();
            if (token == null) {
                return minifiedThroughTree(text);
            }
            do {
                if (token == JsonToken.START_OBJECT) {
                    keysOfOpenObjects.push(new HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    keysOfOpenObjects.pop();
                } else if (token == JsonToken.FIELD_NAME && !keysOfOpenObjects.peek().add(parser.currentName())) {
                    return minifiedThroughTree(text);
                }
                generator.copyCurrentEvent(parser);
                // Like readTree, the first value only: whatever follows it is not read.
            } while (!parser.getParsingContext().inRoot() && (token = parser.nextToken()) != null);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(compact.toString().codePointCount(0, compact.toString().length()));
    }

    private static Optional<Integer> minifiedThroughTree(String text) {
        try {
            String compact = Tree.MAPPER.writeValueAsString(Tree.MAPPER.readTree(text));
            return Optional.of(compact.codePointCount(0, compact.length()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
