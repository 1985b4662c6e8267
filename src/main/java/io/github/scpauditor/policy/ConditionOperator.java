package io.github.scpauditor.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The base condition operators of the IAM policy grammar (without {@code IfExists} or a set qualifier). */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** Operators that compare values of one kind. */
    public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.json.toLowerCase(Locale.ROOT), Function.identity()));

    private final String json;
    private final Family family;
    private final boolean negated;

    ConditionOperator(String json, Family family, boolean negated) {
        this.json = json;
        this.family = family;
        this.negated = negated;
    }

    public String json() {
        return json;
    }

    public Family family() {
        return family;
    }

    /** Negated operators (StringNotEquals, ArnNotLike, NotIpAddress, …) are true when the key is missing. */
    public boolean negated() {
        return negated;
    }

    /** The Like operators and the ARN operators take '*' and '?' as wildcards; the others compare characters as written. */
    public boolean takesWildcards() {
        return family == Family.ARN || this == STRING_LIKE || this == STRING_NOT_LIKE;
    }

    /** The operator that compares as this one does but ignoring letter case; empty where IAM has none (StringLike, ArnLike…). */
    public Optional<ConditionOperator> ignoringCase() {
        return switch (this) {
            case STRING_EQUALS -> Optional.of(STRING_EQUALS_IGNORE_CASE);
            case STRING_NOT_EQUALS -> Optional.of(STRING_NOT_EQUALS_IGNORE_CASE);
            default -> Optional.empty();
        };
    }

    /** Operator names are matched case-insensitively, as IAM does. */
    public static Optional<ConditionOperator> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
