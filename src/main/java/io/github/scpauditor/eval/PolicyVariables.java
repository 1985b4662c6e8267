package io.github.scpauditor.eval;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Substitutes policy variables ({@code ${aws:PrincipalAccount}}, {@code ${aws:PrincipalTag/team, 'x'}})
 * in a Resource entry or a condition value. The escapes {@code ${*}}, {@code ${?}} and {@code ${$}} stand
 * for the literal characters. Substituted text is literal: a '*' inside a tag value is not a wildcard.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    static boolean hasVariables(String text) {
        return text.contains("${");
    }

    /**
     * Whether a variable stands within the first {@code fields} fields of an ARN (split as {@link Arns#fields}). A
     * variable further right cannot change the partition or region field, so "arn:aws:s3:::logs-${x}" still
     * names partition aws only.
     */
    static boolean hasVariablesInFirstFields(String arn, int fields) {
        if (!hasVariables(arn)) {
            return false;
        }
        List<Glob> parts = Arns.fields(arn);
        for (int i = 0; i < Math.min(fields, parts.size()); i++) {
            if (hasVariables(parts.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    /** The pattern with variables replaced; empty when a variable has no (single) value and no default. */
    static Optional<Glob> substitute(String text, RequestContext context) {
        return withVariables(text, body -> resolve(body.trim(), context));
    }

    /**
     * The text as written, each variable kept as one literal piece: where an ARN pattern's fields lie before any
     * value is known ("arn:${aws:PrincipalTag/p}:s3:::x" has its partition field "${aws:PrincipalTag/p}").
     */
    static Glob asWritten(String text) {
        return withVariables(text, body -> Optional.of("${" + body + "}")).orElseThrow();
    }

    /** The text with each variable's body replaced as {@code value} says, as literal text; empty when one has no value. */
    private static Optional<Glob> withVariables(String text, Function<String, Optional<String>> value) {
        if (!hasVariables(text)) {
            return Optional.of(Glob.of(text));
        }
        Glob.Builder out = new Glob.Builder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                out.pattern(text.substring(i));
                break;
            }
            out.pattern(text.substring(i, open));
            Optional<String> replacement = value.apply(text.substring(open + 2, close));
            if (replacement.isEmpty()) {
                return Optional.empty();
            }
            out.literal(replacement.get());
            i = close + 1;
        }
        return Optional.of(out.build());
    }

    private static Optional<String> resolve(String body, RequestContext context) {
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return Optional.of(body);
        }
        String key = body;
        String fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).trim();
            String rest = body.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                fallback = rest.substring(1, rest.length() - 1);
            }
        }
        List<String> values = context.get(key);
        if (values != null && values.size() == 1) {
            return Optional.of(values.get(0));
        }
        return Optional.ofNullable(fallback);
    }
}
