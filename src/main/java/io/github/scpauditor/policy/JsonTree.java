package io.github.scpauditor.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON tree that remembers the line and column of every value, which Jackson's own
 * JsonNode does not; the parser needs them for messages and SARIF. Built on Jackson's streaming
 * parser only, so reading with it does not pay databind's class loading at cold start.
 */
public sealed interface JsonTree {

    Location location();

    record Obj(Map<String, JsonTree> members, List<String> duplicateKeys, Location location) implements JsonTree {
    }

    record Arr(List<JsonTree> items, Location location) implements JsonTree {
    }

    /** A string, number, boolean or null; {@code text} is null for JSON null. */
    record Scalar(String text, Kind kind, Location location) implements JsonTree {
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL }
    }

    JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * Reads one JSON document; trailing content after it is an error, as IAM treats it. A text that is not
     * JSON throws {@link NotJsonException}: a plain message and the line and column where reading stopped.
     */
    static JsonTree read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                return document(parser);
            } catch (JsonProcessingException e) {
                throw NotJsonException.of(e, text, parser);
            }
        }
    }

    private static JsonTree document(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new NotJsonException("the document is empty", 1, 1);
        }
        JsonTree tree = readValue(parser, "");
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new NotJsonException("unexpected content after the end of the JSON document",
                    at.getLineNr(), at.getColumnNr());
        }
        return tree;
    }

    private static JsonTree readValue(JsonParser parser, String pointer) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        Location location = new Location(pointer, at.getLineNr(), at.getColumnNr());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonTree> members = new LinkedHashMap<>();
                List<String> duplicates = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    JsonTree value = readValue(parser, pointer + "/" + escape(name));
                    if (members.put(name, value) != null) {
                        duplicates.add(name);
                    }
                }
                return new Obj(members, duplicates, location);
            }
            case START_ARRAY -> {
                List<JsonTree> items = new ArrayList<>();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, pointer + "/" + i++));
                }
                return new Arr(items, location);
            }
            case VALUE_STRING -> {
                return new Scalar(parser.getText(), Scalar.Kind.STRING, location);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(parser.getText(), Scalar.Kind.NUMBER, location);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(parser.getText(), Scalar.Kind.BOOLEAN, location);
            }
            case VALUE_NULL -> {
                return new Scalar(null, Scalar.Kind.NULL, location);
            }
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }

    /** RFC 6901 escaping of a member name inside a JSON pointer. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
