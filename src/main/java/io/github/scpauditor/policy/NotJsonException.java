package io.github.scpauditor.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A text that is not one JSON document: what is wrong, in plain words, and the line and column where
 * reading stopped. Jackson's messages speak of its own settings ("Feature 'ALLOW_COMMENTS' not enabled
 * for parser", "[Source: REDACTED …]"), which mean nothing to someone fixing a policy, so the usual
 * mistakes are worded here from the character the reader stopped at.
 */
public final class NotJsonException extends IOException {

    /** Where Jackson says a bracket was opened: " (start marker at [Source: REDACTED (…); line: 1, column: 7])". */
    private static final Pattern SOURCE_DESCRIPTION = Pattern.compile(
            "\\s*\\((?:start marker at|for \\w+ starting at) \\[Source: .*?\\]\\)");
    /** Jackson's advice to switch on a feature: ": enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow". */
    private static final Pattern FEATURE_ADVICE = Pattern.compile(": enable `[^`]*` to allow");
    /** Jackson's code of the character it quotes, e.g. " (code 125)" or " (code 706 / 0x2c2)". */
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code [^)]*\\)");
    private static final Pattern PARSER_INTERNALS = Pattern.compile("Source:|REDACTED|Feature|`");
    private static final int LONGEST_QUOTED_WORD = 40;

    private final int line;
    private final int column;

    NotJsonException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /**
     * Why this text is not one JSON document, in these words; empty when it is one. For readers that parse with
     * Jackson's own tree (a request line, a Lambda event) and want the same plain message for the same mistake.
     */
    public static Optional<NotJsonException> in(String text) {
        try {
            JsonTree.read(text);
            return Optional.empty();
        } catch (NotJsonException e) {
            return Optional.of(e);
        } catch (IOException e) {
            return Optional.of(new NotJsonException("the text is not JSON", 1, 1));
        }
    }

    /** Where reading stopped; the pointer is empty, as no element of a document that is not JSON can be named. */
    public Location location() {
        return new Location("", line, column);
    }

    /** Words Jackson's error on {@code text}, which {@code parser} was reading. */
    static NotJsonException of(JsonProcessingException e, String text, JsonParser parser) {
        // Exceeded read limits (nesting depth, string length) carry no location of their own.
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return new NotJsonException(wording(e, text, (int) at.getCharOffset(), parser.getParsingContext()),
                Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static String wording(JsonProcessingException e, String text, int offset, JsonStreamContext context) {
        if (e instanceof JsonEOFException eof) {
            JsonToken inside = eof.getTokenBeingDecoded();
            if (inside == JsonToken.VALUE_STRING || inside == JsonToken.FIELD_NAME) {
                return "the document ends inside a string: its closing double quote is missing";
            }
            return "the document ends before its JSON does: a closing " + (context.inArray() ? "]" : "}") + " is missing";
        }
        if (e instanceof StreamConstraintsException) {
            return "the document is nested too deeply, or holds too long a number or string, to be read";
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (offset < 0 || offset >= text.length()) {
            return plain(original);
        }
        char c = text.charAt(offset);
        char before = previousNonBlank(text, offset);
        if (c == '/' || c == '#') {
            return "comments (" + (c == '#' ? "#" : "// or /* */") + ") are not part of JSON; remove them";
        }
        if (c == '\'') {
            return "single quotes are not JSON: write names and strings in double quotes (\")";
        }
        if ((c == '}' || c == ']') && before == ',') {
            return "a trailing comma before " + c + ": JSON allows no comma after the last entry";
        }
        if (c == '\n' || c == '\r') {
            return "a string runs to the end of the line: its closing double quote is missing"
                    + " (a line break inside a string is written \\n)";
        }
        if (c < ' ') {
            return "a string holds a raw control character (code " + (int) c + "): write it escaped, e.g. \\t for a tab";
        }
        if (offset > 0 && text.charAt(offset - 1) == '\\') {
            return "\\" + c + " is not an escape JSON knows: a backslash in a string is written \\\\";
        }
        // Which separator is missing is only in Jackson's wording; it is stable, and a test holds it.
        if (original.contains("was expecting comma")) {
            return "a comma is missing between two entries";
        }
        if (original.contains("was expecting a colon")) {
            return "a colon is missing between a name and its value";
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            // After { or , inside an object comes a name; anywhere else, a value.
            if (context.inObject() && (before == '{' || before == ',')) {
                String name = word(text, offset, " \t\r\n:\"");
                return "the name " + name + " is not in double quotes: write \"" + name + "\"";
            }
            String value = word(text, offset, " \t\r\n,]}\"");
            return "the value " + value + " is not JSON: write text in double quotes (\"" + value
                    + "\"); only true, false, null and numbers are written without them";
        }
        return plain(original);
    }

    /** Jackson's own message for the rarer mistakes, without its source descriptions and character codes. */
    private static String plain(String original) {
        String plain = CHARACTER_CODE.matcher(FEATURE_ADVICE.matcher(
                SOURCE_DESCRIPTION.matcher(original).replaceAll("")).replaceAll("")).replaceAll("");
        if (plain.isEmpty() || PARSER_INTERNALS.matcher(plain).find()) {
            return "the text here is not JSON";
        }
        return Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
    }

    private static char previousNonBlank(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    /** The word that starts at {@code offset}, up to one of {@code ends}, shortened if it runs long. */
    private static String word(String text, int offset, String ends) {
        int end = offset;
        while (end < text.length() && ends.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end - offset <= LONGEST_QUOTED_WORD ? text.substring(offset, end)
                : text.substring(offset, offset + LONGEST_QUOTED_WORD) + "…";
    }
}
