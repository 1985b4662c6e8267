package io.github.scpauditor.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns policy JSON into the immutable model. Accepts what the IAM policy grammar accepts and
 * reports everything else as {@link ParseProblem}s with their JSON pointer and line; it never throws
 * and never stops at the first problem. A statement with a problem is left out of the model (its
 * siblings keep their original indexes), so the checks only ever see well-formed statements.
 */
public final class PolicyParser {

    private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final String IF_EXISTS = "IfExists";

    private PolicyParser() {
    }

    public static ParseResult parse(String json) {
        List<ParseProblem> problems = new ArrayList<>();
        JsonTree root;
        try {
            root = JsonTree.read(stripByteOrderMark(json));
        } catch (NotJsonException e) {
            problems.add(new ParseProblem("not valid JSON: " + e.getMessage(), e.location()));
            return new ParseResult(new Policy(null, null, List.of()), problems);
        } catch (IOException | RuntimeException e) {
            problems.add(new ParseProblem("not valid JSON: " + firstLine(e.getMessage()), Location.ROOT));
            return new ParseResult(new Policy(null, null, List.of()), problems);
        }
        if (!(root instanceof JsonTree.Obj policy)) {
            problems.add(new ParseProblem("a policy must be a JSON object with a Statement element", root.location()));
            return new ParseResult(new Policy(null, null, List.of()), problems);
        }
        Parse parse = new Parse(problems);
        return new ParseResult(parse.policy(policy), problems);
    }

    private static String stripByteOrderMark(String json) {
        return json.startsWith("\uFEFF") ? json.substring(1) : json;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** One parse: accumulates problems; each statement tracks whether it stayed well-formed. */
    private static final class Parse {
        private final List<ParseProblem> problems;
        private boolean statementOk;

        Parse(List<ParseProblem> problems) {
            this.problems = problems;
        }

        Policy policy(JsonTree.Obj policy) {
            duplicates(policy);
            unknownElements(policy, POLICY_ELEMENTS, "a policy has only Version, Id and Statement");
            Value version = optionalString(policy, "Version");
            if (version != null && !VERSIONS.contains(version.text())) {
                problem("Version must be \"2012-10-17\" (or the legacy \"2008-10-17\"), not \"" + version.text() + "\"",
                        version.location());
            }
            Value id = optionalString(policy, "Id");
            JsonTree statementElement = policy.members().get("Statement");
            List<Statement> statements = new ArrayList<>();
            if (statementElement == null) {
                problem("the policy has no Statement element", policy.location());
            } else if (statementElement instanceof JsonTree.Obj single) {
                statement(0, single).ifPresent(statements::add);
            } else if (statementElement instanceof JsonTree.Arr array) {
                if (array.items().isEmpty()) {
                    problem("Statement is an empty array: the policy says nothing", array.location());
                }
                for (int i = 0; i < array.items().size(); i++) {
                    JsonTree item = array.items().get(i);
                    if (item instanceof JsonTree.Obj obj) {
                        statement(i, obj).ifPresent(statements::add);
                    } else {
                        problem("each Statement entry must be an object", item.location());
                    }
                }
            } else {
                problem("Statement must be an object or an array of objects", statementElement.location());
            }
            return new Policy(textOf(version), textOf(id), statements);
        }

        private Optional<Statement> statement(int index, JsonTree.Obj obj) {
            statementOk = true;
            duplicates(obj);
            unknownElements(obj, STATEMENT_ELEMENTS,
                    "a statement has Sid, Effect, Action/NotAction, Resource/NotResource, Principal/NotPrincipal, Condition");
            Value sid = optionalString(obj, "Sid");
            Effect effect = effect(obj);
            ValueList actions = exactlyOne(obj, "Action", "NotAction", true);
            if (actions != null) {
                for (Value action : actions.values()) {
                    if (!action.text().equals("*") && action.text().indexOf(':') <= 0) {
                        problem("\"" + action.text() + "\" is not an action: write service:action (e.g. \"s3:GetObject\") or \"*\"",
                                action.location());
                    }
                }
            }
            ValueList resources = exactlyOne(obj, "Resource", "NotResource", false);
            PrincipalElement principal = principal(obj);
            List<Condition> conditions = conditions(obj.members().get("Condition"));
            if (!statementOk || effect == null || actions == null) {
                return Optional.empty();
            }
            return Optional.of(new Statement(index, sid, effect, actions, resources, principal, conditions, obj.location()));
        }

        private Effect effect(JsonTree.Obj obj) {
            JsonTree element = obj.members().get("Effect");
            if (element == null) {
                problem("the statement has no Effect (\"Allow\" or \"Deny\")", obj.location());
                return null;
            }
            if (element instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.STRING) {
                for (Effect effect : Effect.values()) {
                    if (effect.json().equals(s.text())) {
                        return effect;
                    }
                }
            }
            problem("Effect must be \"Allow\" or \"Deny\", not " + describe(element), element.location());
            return null;
        }

        /** Action/NotAction (required) or Resource/NotResource (optional): exactly one of the pair. */
        private ValueList exactlyOne(JsonTree.Obj obj, String positive, String negative, boolean required) {
            JsonTree pos = obj.members().get(positive);
            JsonTree neg = obj.members().get(negative);
            if (pos != null && neg != null) {
                problem("a statement has " + positive + " or " + negative + ", not both", neg.location());
                return null;
            }
            if (pos == null && neg == null) {
                if (required) {
                    problem("the statement has neither " + positive + " nor " + negative, obj.location());
                }
                return null;
            }
            boolean negated = pos == null;
            String element = negated ? negative : positive;
            JsonTree tree = negated ? neg : pos;
            List<Value> values = stringList(tree, element);
            if (values == null) {
                return null;
            }
            if (values.isEmpty()) {
                problem(element + " is an empty array: it names nothing", tree.location());
                return null;
            }
            return new ValueList(element, values, negated, tree instanceof JsonTree.Arr, tree.location());
        }

        private PrincipalElement principal(JsonTree.Obj obj) {
            JsonTree pos = obj.members().get("Principal");
            JsonTree neg = obj.members().get("NotPrincipal");
            if (pos != null && neg != null) {
                problem("a statement has Principal or NotPrincipal, not both", neg.location());
                return null;
            }
            JsonTree tree = pos != null ? pos : neg;
            if (tree == null) {
                return null;
            }
            boolean negated = pos == null;
            String element = negated ? "NotPrincipal" : "Principal";
            if (tree instanceof JsonTree.Scalar s && "*".equals(s.text())) {
                return new PrincipalElement(negated, true, Map.of(), tree.location());
            }
            if (!(tree instanceof JsonTree.Obj principals)) {
                problem(element + " must be \"*\" or an object such as {\"AWS\": [...]}", tree.location());
                return null;
            }
            duplicates(principals);
            Map<String, List<Value>> byType = new LinkedHashMap<>();
            principals.members().forEach((type, value) -> {
                if (!PRINCIPAL_TYPES.contains(type)) {
                    problem("unknown principal type \"" + type + "\" (AWS, Service, Federated or CanonicalUser)",
                            value.location());
                    return;
                }
                List<Value> values = stringList(value, element + "." + type);
                if (values != null) {
                    byType.put(type, values);
                }
            });
            return new PrincipalElement(negated, false, byType, tree.location());
        }

        private List<Condition> conditions(JsonTree tree) {
            if (tree == null) {
                return List.of();
            }
            if (!(tree instanceof JsonTree.Obj operators)) {
                problem("Condition must be an object of operators, e.g. {\"StringEquals\": {\"aws:RequestedRegion\": \"cn-north-1\"}}",
                        tree.location());
                return List.of();
            }
            duplicates(operators);
            List<Condition> conditions = new ArrayList<>();
            operators.members().forEach((operatorText, block) -> {
                Optional<OperatorName> name = OperatorName.parse(operatorText);
                if (name.isEmpty()) {
                    problem("unknown condition operator \"" + operatorText + "\"", block.location());
                    return;
                }
                if (!(block instanceof JsonTree.Obj keys)) {
                    problem("the " + operatorText + " block must be an object of condition keys", block.location());
                    return;
                }
                if (keys.members().isEmpty()) {
                    problem("the " + operatorText + " block names no condition key", block.location());
                    return;
                }
                duplicates(keys);
                keys.members().forEach((key, values) -> {
                    List<Value> list = conditionValues(values, operatorText + "." + key);
                    if (list != null) {
                        conditions.add(new Condition(operatorText, name.get().operator(), name.get().qualifier(),
                                name.get().ifExists(), key, list, values.location()));
                    }
                });
            });
            return conditions;
        }

        /** Condition values: a string, number or boolean, or an array of them (JSON numbers and booleans count as their text). */
        private List<Value> conditionValues(JsonTree tree, String what) {
            if (tree instanceof JsonTree.Arr array) {
                List<Value> values = new ArrayList<>();
                for (JsonTree item : array.items()) {
                    Value value = conditionScalar(item, what);
                    if (value == null) {
                        return null;
                    }
                    values.add(value);
                }
                return values;
            }
            Value value = conditionScalar(tree, what);
            return value == null ? null : List.of(value);
        }

        private Value conditionScalar(JsonTree tree, String what) {
            if (tree instanceof JsonTree.Scalar s && s.kind() != JsonTree.Scalar.Kind.NULL) {
                return new Value(s.text(), s.location());
            }
            problem(what + " must be a string, number or boolean, or an array of them, not " + describe(tree), tree.location());
            return null;
        }

        /** A string or an array of strings (Action, Resource, principals). */
        private List<Value> stringList(JsonTree tree, String what) {
            if (tree instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.STRING) {
                return List.of(new Value(s.text(), s.location()));
            }
            if (tree instanceof JsonTree.Arr array) {
                List<Value> values = new ArrayList<>();
                for (JsonTree item : array.items()) {
                    if (item instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.STRING) {
                        values.add(new Value(s.text(), s.location()));
                    } else {
                        problem("each " + what + " entry must be a string, not " + describe(item), item.location());
                        return null;
                    }
                }
                return values;
            }
            problem(what + " must be a string or an array of strings, not " + describe(tree), tree.location());
            return null;
        }

        /** A string element such as Sid or Version, kept with its location so findings can point at it. */
        private Value optionalString(JsonTree.Obj obj, String name) {
            JsonTree element = obj.members().get(name);
            if (element == null) {
                return null;
            }
            if (element instanceof JsonTree.Scalar s && s.kind() == JsonTree.Scalar.Kind.STRING) {
                return new Value(s.text(), s.location());
            }
            problem(name + " must be a string, not " + describe(element), element.location());
            return null;
        }

        private static String textOf(Value value) {
            return value == null ? null : value.text();
        }

        private void unknownElements(JsonTree.Obj obj, Set<String> allowed, String hint) {
            obj.members().forEach((name, value) -> {
                if (!allowed.contains(name)) {
                    problem("unknown element \"" + name + "\": " + hint, value.location());
                }
            });
        }

        private void duplicates(JsonTree.Obj obj) {
            for (String name : obj.duplicateKeys()) {
                problem("\"" + name + "\" appears twice in the same object; only the last would count",
                        obj.members().get(name).location());
            }
        }

        private void problem(String message, Location location) {
            problems.add(new ParseProblem(message, location));
            statementOk = false;
        }

        private static String describe(JsonTree tree) {
            if (tree instanceof JsonTree.Obj) {
                return "an object";
            }
            if (tree instanceof JsonTree.Arr) {
                return "an array";
            }
            JsonTree.Scalar s = (JsonTree.Scalar) tree;
            return switch (s.kind()) {
                case STRING -> "\"" + s.text() + "\"";
                case NULL -> "null";
                case NUMBER, BOOLEAN -> s.text();
            };
        }
    }

    /** A condition operator as written: optional set qualifier, base operator, optional IfExists. */
    record OperatorName(SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {
        static Optional<OperatorName> parse(String text) {
            SetQualifier qualifier = SetQualifier.NONE;
            String rest = text;
            String lower = text.toLowerCase(Locale.ROOT);
            for (SetQualifier q : new SetQualifier[] {SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE}) {
                if (lower.startsWith(q.prefix().toLowerCase(Locale.ROOT))) {
                    qualifier = q;
                    rest = text.substring(q.prefix().length());
                }
            }
            boolean ifExists = false;
            Optional<ConditionOperator> operator = ConditionOperator.byName(rest);
            if (operator.isEmpty() && rest.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS.toLowerCase(Locale.ROOT))) {
                operator = ConditionOperator.byName(rest.substring(0, rest.length() - IF_EXISTS.length()));
                ifExists = true;
            }
            // Null tests presence itself, so IAM has no NullIfExists.
            if (operator.isEmpty() || (ifExists && operator.get() == ConditionOperator.NULL)) {
                return Optional.empty();
            }
            return Optional.of(new OperatorName(qualifier, operator.get(), ifExists));
        }
    }
}
