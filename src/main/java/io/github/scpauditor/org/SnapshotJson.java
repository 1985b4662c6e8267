package io.github.scpauditor.org;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.scpauditor.policy.JsonTree;
import io.github.scpauditor.policy.NotJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes an {@link OrgSnapshot} as JSON: the fields of the records by name, two-space indent.
 * Reading uses the streaming {@link JsonTree}, not databind, which would cost a CLI run ~250 ms of start-up.
 * Reading checks the shape field by field so a hand-edited snapshot fails with the path of what is wrong
 * ("policies[3].content: missing") rather than a Jackson stack trace.
 */
public final class SnapshotJson {

    /** Only --snapshot-out writes; the databind writer is built then, not when a snapshot is read. */
    private static final class Writer {
        static final ObjectWriter INSTANCE = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    }

    private static final Set<String> TOP = Set.of("organizationId", "managementAccountId", "partition", "readAt", "roots",
            "organizationalUnits", "accounts", "policies");

    private SnapshotJson() {
    }

    /**
     * The snapshot, if the document is one; empty if it is not JSON or not a snapshot (a policy, say).
     * One parse for both questions: snapshots can be large.
     */
    public static Optional<OrgSnapshot> readIfSnapshot(String json) throws IOException {
        JsonTree document;
        try {
            document = JsonTree.read(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        return isSnapshot(document) ? Optional.of(read((JsonTree.Obj) document)) : Optional.empty();
    }

    public static OrgSnapshot read(String json) throws IOException {
        JsonTree document;
        try {
            document = JsonTree.read(json);
        } catch (NotJsonException e) {
            throw new IOException("not JSON: " + e.getMessage() + " at line " + e.location().line()
                    + ", column " + e.location().column(), e);
        } catch (IOException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
        if (!(document instanceof JsonTree.Obj tree)) {
            throw new IOException("a snapshot is a JSON object with organizationId, roots, organizationalUnits, accounts"
                    + " and policies");
        }
        return read(tree);
    }

    private static boolean isSnapshot(JsonTree document) {
        return document instanceof JsonTree.Obj tree
                && tree.members().containsKey("organizationId") && tree.members().containsKey("policies");
    }

    private static OrgSnapshot read(JsonTree.Obj tree) throws IOException {
        for (String name : tree.members().keySet()) {
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
            return Writer.INSTANCE.writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Element<T> {
        T read(JsonTree.Obj node, String at) throws IOException;
    }

    /** A member, with JSON null read as absent. */
    private static JsonTree member(JsonTree.Obj parent, String field) {
        JsonTree node = parent.members().get(field);
        return node instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.NULL ? null : node;
    }

    private static <T> List<T> list(JsonTree.Obj parent, String field, String at, boolean required, Element<T> element)
            throws IOException {
        JsonTree node = member(parent, field);
        String path = at + field;
        if (node == null) {
            if (required) {
                throw new IOException(path + ": missing");
            }
            return List.of();
        }
        if (!(node instanceof JsonTree.Arr array)) {
            throw new IOException(path + ": must be an array, not " + kind(node));
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            String here = path + "[" + i + "]";
            if (!(array.items().get(i) instanceof JsonTree.Obj item)) {
                throw new IOException(here + ": must be an object, not " + kind(array.items().get(i)));
            }
            items.add(element.read(item, here + "."));
        }
        return items;
    }

    private static String text(JsonTree.Obj parent, String field, String at, boolean required) throws IOException {
        JsonTree node = member(parent, field);
        if (node == null) {
            if (required) {
                throw new IOException(at + field + ": missing");
            }
            return null;
        }
        if (!(node instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.STRING)) {
            throw new IOException(at + field + ": must be a string, not " + kind(node));
        }
        return s.text();
    }

    private static boolean bool(JsonTree.Obj parent, String field, String at) throws IOException {
        JsonTree node = member(parent, field);
        if (node == null) {
            return false;
        }
        if (!(node instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.BOOLEAN)) {
            throw new IOException(at + field + ": must be true or false, not " + kind(node));
        }
        return Boolean.parseBoolean(s.text());
    }

    /** An optional array of strings (absent is empty). */
    private static List<String> strings(JsonTree.Obj parent, String field, String at) throws IOException {
        JsonTree node = member(parent, field);
        String path = at + field;
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof JsonTree.Arr array)) {
            throw new IOException(path + ": must be an array of strings, not " + kind(node));
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            if (!(array.items().get(i) instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.STRING)) {
                throw new IOException(path + "[" + i + "]: must be a string, not " + kind(array.items().get(i)));
            }
            items.add(s.text());
        }
        return items;
    }

    private static String kind(JsonTree node) {
        if (node instanceof JsonTree.Obj) {
            return "an object";
        }
        if (node instanceof JsonTree.Arr) {
            return "an array";
        }
        return switch (((JsonTree.Scalar) node).kind()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
