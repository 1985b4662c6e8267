package io.github.scpauditor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {

    @Test
    void readsEveryElementWithItsLocation() {
        String json = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "DenyOutsideChina",
                      "Effect": "Deny",
                      "NotAction": ["iam:*", "organizations:*"],
                      "Resource": "*",
                      "Condition": {
                        "ForAnyValue:StringNotEqualsIfExists": {"aws:RequestedRegion": ["cn-north-1", "cn-northwest-1"]},
                        "Bool": {"aws:SecureTransport": false}
                      }
                    }
                  ]
                }
                """;
        ParseResult result = PolicyParser.parse(json);

        assertThat(result.problems()).isEmpty();
        Statement statement = result.policy().statements().get(0);
        assertThat(statement.index()).isZero();
        assertThat(statement.sid()).isEqualTo(new Value("DenyOutsideChina", new Location("/Statement/0/Sid", 5, 14)));
        assertThat(statement.effect()).isEqualTo(Effect.DENY);
        assertThat(statement.actions().negated()).isTrue();
        assertThat(statement.actions().element()).isEqualTo("NotAction");
        assertThat(statement.actions().writtenAsArray()).isTrue();
        assertThat(statement.actions().values().get(1).text()).isEqualTo("organizations:*");
        assertThat(statement.actions().values().get(1).location()).isEqualTo(new Location("/Statement/0/NotAction/1", 7, 30));
        assertThat(statement.resources().negated()).isFalse();
        assertThat(statement.resources().writtenAsArray()).isFalse();

        Condition region = statement.conditions().get(0);
        assertThat(region.operator()).isEqualTo(ConditionOperator.STRING_NOT_EQUALS);
        assertThat(region.qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
        assertThat(region.ifExists()).isTrue();
        assertThat(region.key()).isEqualTo("aws:RequestedRegion");
        assertThat(region.values()).extracting(Value::text).containsExactly("cn-north-1", "cn-northwest-1");
        assertThat(region.location().pointer())
                .isEqualTo("/Statement/0/Condition/ForAnyValue:StringNotEqualsIfExists/aws:RequestedRegion");
        assertThat(region.location().line()).isEqualTo(10);

        Condition bool = statement.conditions().get(1);
        assertThat(bool.operator()).isEqualTo(ConditionOperator.BOOL);
        assertThat(bool.values()).extracting(Value::text).containsExactly("false");
    }

    @Test
    void singleStatementObjectAndAbsentResourceAreAccepted() {
        ParseResult result = PolicyParser.parse("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}");

        assertThat(result.problems()).isEmpty();
        Statement statement = result.policy().statements().get(0);
        assertThat(statement.resources()).isNull();
        assertThat(statement.location().pointer()).isEqualTo("/Statement");
    }

    @Test
    void principalElementsOfOtherPolicyTypesAreParsed() {
        ParseResult result = PolicyParser.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws-cn:iam::111122223333:root"]}, "Action": "s3:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}
                """);

        assertThat(result.problems()).isEmpty();
        PrincipalElement notPrincipal = result.policy().statements().get(0).principal();
        assertThat(notPrincipal.negated()).isTrue();
        assertThat(notPrincipal.byType().get("AWS")).extracting(Value::text)
                .containsExactly("arn:aws-cn:iam::111122223333:root");
        assertThat(result.policy().statements().get(1).principal().any()).isTrue();
    }

    @Test
    void keepsWellFormedStatementsAndReportsEveryProblemWithItsPlace() {
        ParseResult result = PolicyParser.parse("""
                {
                  "Version": "2012-10-17",
                  "Statment": [],
                  "Statement": [
                    {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"},
                    {"Effect": "deny", "Action": "s3:*"},
                    {"Effect": "Allow", "Action": "ec2:*", "Condition": {"StringEqualz": {"aws:RequestedRegion": "cn-north-1"}}},
                    {"Effect": "Allow", "Action": "s3GetObject", "NotAction": "ec2:*"}
                  ]
                }
                """);

        assertThat(result.policy().statements()).extracting(Statement::index).containsExactly(0);
        assertThat(result.problems()).extracting(p -> p.location().pointer() + " " + p.message()).containsExactly(
                "/Statment unknown element \"Statment\": a policy has only Version, Id and Statement",
                "/Statement/1/Effect Effect must be \"Allow\" or \"Deny\", not \"deny\"",
                "/Statement/2/Condition/StringEqualz unknown condition operator \"StringEqualz\"",
                "/Statement/3/NotAction a statement has Action or NotAction, not both");
        assertThat(result.problems().get(1).location().line()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | not valid JSON: the document is empty",
        "'{\"Statement\": '                  | not valid JSON: the document ends before its JSON does",
        "'[]'                                | a policy must be a JSON object with a Statement element",
        "'{}'                                | the policy has no Statement element",
        "'{\"Statement\": []}'               | Statement is an empty array: the policy says nothing",
        "'{\"Statement\": [{\"Action\": \"*\"}]}' | the statement has no Effect",
        "'{\"Statement\": [{\"Effect\": \"Deny\"}]}' | the statement has neither Action nor NotAction",
        "'{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": []}]}' | Action is an empty array: it names nothing",
        "'{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": [1]}]}' | each Action entry must be a string, not 1",
        "'{\"Version\": \"2012-10-18\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\"}]}' | Version must be \"2012-10-17\"",
        "'{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Condition\": {\"NullIfExists\": {\"a:b\": \"true\"}}}]}' | unknown condition operator \"NullIfExists\"",
        "'{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Condition\": {\"Null\": {\"a:b\": null}}}]}' | Null.a:b must be a string, number or boolean",
        "'{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\", \"Effect\": \"Allow\"}]}' | \"Effect\" appears twice",
        "'{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\"}]} {}' | not valid JSON: unexpected content after the end of the JSON document",
    })
    void rejectsWhatIsNotAPolicyWithAClearMessage(String json, String messageStart) {
        ParseResult result = PolicyParser.parse(json);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(ParseProblem::message).anySatisfy(m -> assertThat(m).startsWith(messageStart));
        assertThat(result.policy()).isNotNull();
    }

    static Stream<Arguments> textsThatAreNotJson() {
        String deny = "{\"Statement\": [{\"Effect\": \"Deny\",\n";
        return Stream.of(
                Arguments.of(deny + "  // keep out other regions\n  \"Action\": \"*\"}]}", 2, 3,
                        "comments (// or /* */) are not part of JSON; remove them"),
                Arguments.of(deny + "  /* keep out */ \"Action\": \"*\"}]}", 2, 3,
                        "comments (// or /* */) are not part of JSON; remove them"),
                Arguments.of(deny + "  # keep out\n  \"Action\": \"*\"}]}", 2, 3,
                        "comments (#) are not part of JSON; remove them"),
                Arguments.of(deny + "  \"Action\": \"*\",\n}]}", 3, 1,
                        "a trailing comma before }: JSON allows no comma after the last entry"),
                Arguments.of(deny + "  \"Action\": [\"s3:*\", ]}]}", 2, 22,
                        "a trailing comma before ]: JSON allows no comma after the last entry"),
                Arguments.of(deny + "  'Action': \"*\"}]}", 2, 3,
                        "single quotes are not JSON: write names and strings in double quotes (\")"),
                Arguments.of(deny + "  Action: \"*\"}]}", 2, 3,
                        "the name Action is not in double quotes: write \"Action\""),
                Arguments.of(deny + "  \"Action\": s3:GetObject}]}", 2, 13,
                        "the value s3:GetObject is not JSON: write text in double quotes (\"s3:GetObject\");"
                                + " only true, false, null and numbers are written without them"),
                Arguments.of(deny + "  \"Action\": \"s3:*", 2, 18,
                        "the document ends inside a string: its closing double quote is missing"),
                Arguments.of(deny + "  \"Action\": [\"s3:*\"", 2, 20,
                        "the document ends before its JSON does: a closing ] is missing"),
                Arguments.of(deny + "  \"Action\": \"s3:*\n  \"Resource\": \"*\"}]}", 2, 18,
                        "a string runs to the end of the line: its closing double quote is missing"
                                + " (a line break inside a string is written \\n)"),
                Arguments.of(deny + "  \"Action\": \"s3:\t*\"}]}", 2, 17,
                        "a string holds a raw control character (code 9): write it escaped, e.g. \\t for a tab"),
                Arguments.of(deny + "  \"Action\": \"s3:\\*\"}]}", 2, 18,
                        "\\* is not an escape JSON knows: a backslash in a string is written \\\\"),
                Arguments.of(deny + "  \"Action\": \"*\"}\n  {\"Effect\": \"Allow\", \"Action\": \"*\"}]}", 3, 3,
                        "a comma is missing between two entries"),
                Arguments.of(deny + "  \"Action\" \"*\"}]}", 2, 12,
                        "a colon is missing between a name and its value"),
                Arguments.of(deny + "  \"Action\": \"*\"}]}\n{}", 3, 1,
                        "unexpected content after the end of the JSON document"),
                Arguments.of(deny + "  \"Action\": \"*\"]}", 2, 16, "unexpected close marker ']': expected '}'"),
                Arguments.of("[".repeat(1001), 1, 1002,
                        "the document is nested too deeply, or holds too long a number or string, to be read"));
    }

    @ParameterizedTest
    @MethodSource("textsThatAreNotJson")
    void aTextThatIsNotJsonIsExplainedInPlainWordsAtTheLineAndColumnWhereReadingStopped(
            String text, int line, int column, String message) {
        ParseResult result = PolicyParser.parse(text);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("not valid JSON: " + message);
            assertThat(p.location()).isEqualTo(new Location("", line, column));
        });
    }

    @Test
    void operatorNamesAreCaseInsensitiveAndEmptyValueListsAreKept() {
        // Control Tower's GRREGIONDENY ships with an empty allowed-region list when no region is chosen.
        ParseResult result = PolicyParser.parse("""
                {"Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
                  "Condition": {"stringNotEquals": {"aws:RequestedRegion": []}, "forallvalues:stringlikeifexists": {"aws:TagKeys": "a*"}}}]}
                """);

        assertThat(result.problems()).isEmpty();
        List<Condition> conditions = result.policy().statements().get(0).conditions();
        assertThat(conditions.get(0).operator()).isEqualTo(ConditionOperator.STRING_NOT_EQUALS);
        assertThat(conditions.get(0).values()).isEmpty();
        assertThat(conditions.get(1).qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
        assertThat(conditions.get(1).operator()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(conditions.get(1).ifExists()).isTrue();
    }
}
