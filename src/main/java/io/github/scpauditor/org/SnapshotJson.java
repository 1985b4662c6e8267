package io.github.scpauditor.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes an {@link OrgSnapshot} as JSON: the fields of the records by name, two-space indent.
 * Reading checks the shape field by field so a hand-edited snapshot fails with the path of what is wrong
 * ("policies[3].content: missing") rather than a Jackson stack trace.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final Set<String> TOP = Set.of("organizationId", "managementAccountId", "partition", "readAt", "roots",
            "organizationalUnits", "accounts", "policies");

    private SnapshotJson() {
    }

    /** Is this parsed JSON document a snapshot rather than a policy? (It has "organizationId" and "policies".) */
    public static boolean looksLikeSnapshot(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            return tree != null && tree.isObject() && tree.has("organizationId") && tree.has("policies");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static OrgSnapshot read(String json) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IOException("a snapshot is a JSON object with organizationId, roots, organizationalUnits, accounts"
                    + " and policies");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP.contains(name)) {
                throw new IOException(name + ": not a snapshot field (expected one of " + String.join(", ", sorted(TOP)) + ")");
            }
        }
        return new OrgSnapshot(
                text(tree, "organizationId", "", true),
                text(tree, "managementAccountId", "", false),
                text(tree, "partition", "", false),
                text(tree, "readAt", "", false),
                list(tree, "roots", "", false, (n, at) -> new OrgSnapshot.Root(text(n, "id", at, true),
                        text(n, "name", at, false), strings(n, "enabledPolicyTypes", at))),
                list(tree, "organizationalUnits", "", false, (n, at) -> new OrgSnapshot.OrganizationalUnit(
                        text(n, "id", at, true), text(n, "name", at, false), text(n, "parentId", at, true))),
                list(tree, "accounts", "", false, (n, at) -> new OrgSnapshot.Account(text(n, "id", at, true),
                        text(n, "name", at, false), text(n, "status", at, true), text(n, "parentId", at, true))),
                list(tree, "policies", "", true, (n, at) -> new OrgSnapshot.Scp(text(n, "id", at, true),
                        text(n, "name", at, true), text(n, "arn", at, false), bool(n, "awsManaged", at),
                        text(n, "content", at, true), strings(n, "targetIds", at))));
    }

    public static String write(OrgSnapshot snapshot) {
        try {
            return WRITER.writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Element<T> {
        T read(JsonNode node, String at) throws IOException;
    }

    private static <T> List<T> list(JsonNode parent, String field, String at, boolean required, Element<T> element)
            throws IOException {
        JsonNode node = parent.get(field);
        String path = at + field;
        if (node == null || node.isNull()) {
            if (required) {
                throw new IOException(path + ": missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new IOException(path + ": must be an array, not " + kind(node));
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String here = path + "[" + i + "]";
            if (!node.get(i).isObject()) {
                throw new IOException(here + ": must be an object, not " + kind(node.get(i)));
            }
            items.add(element.read(node.get(i), here + "."));
        }
        return items;
    }

    private static String text(JsonNode parent, String field, String at, boolean required) throws IOException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IOException(at + field + ": missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new IOException(at + field + ": must be a string, not " + kind(node));
        }
        return node.asText();
    }

    private static boolean bool(JsonNode parent, String field, String at) throws IOException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IOException(at + field + ": must be true or false, not " + kind(node));
        }
        return node.asBoolean();
    }

    /** An optional array of strings (absent is empty). */
    private static List<String> strings(JsonNode parent, String field, String at) throws IOException {
        JsonNode node = parent.get(field);
        String path = at + field;
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IOException(path + ": must be an array of strings, not " + kind(node));
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new IOException(path + "[" + i + "]: must be a string, not " + kind(node.get(i)));
            }
            items.add(node.get(i).asText());
        }
        return items;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
