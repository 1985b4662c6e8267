package io.github.scpauditor.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The parser is total: whatever text a user feeds it, it answers with a result, never an exception, and
 * each problem in plain words at a real line and column.
 */
class PolicyParserProperties {

    private static final String VALID = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Deny", "NotAction": ["iam:*", "s3:Get*"],
            "Resource": "arn:aws-cn:s3:::b/*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1"]},
            "ArnNotLike": {"aws:PrincipalArn": "arn:aws-cn:iam::*:role/Admin"}}}]}""";

    private static final String[] FRAGMENTS = {"{", "}", "[", "]", ",", ":", "\"", "null", "1", "true", "\"x\"", "", "\\"};

    @Test
    void neverThrowsOnArbitraryText() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(text -> {
            ParseResult result = PolicyParser.parse(text);

            assertThat(result.policy()).isNotNull();
            assertThat(result.valid() || !result.problems().isEmpty()).isTrue();
            assertPlainAndPlaced(text, result);
        });
    }

    @Test
    void aProblemMayQuoteWhatTheTextHolds() {
        String text = "$!!!!!!!!!!`"; // once found by neverThrowsOnArbitraryText

        ParseResult result = PolicyParser.parse(text);

        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the value $!!!!!!!!!!` is not JSON"));
        assertPlainAndPlaced(text, result);
    }

    @Test
    void neverThrowsOnMutatedPoliciesAndKeepsOnlyWellFormedStatements() {
        qt().withExamples(3000).forAll(mutations()).checkAssert(text -> {
            ParseResult result = PolicyParser.parse(text);

            assertThat(result.policy()).isNotNull();
            assertPlainAndPlaced(text, result);
            assertThat(result.policy().statements()).allSatisfy(s -> {
                assertThat(s.actions().values()).isNotEmpty();
                assertThat(s.effect()).isNotNull();
            });
        });
    }

    /**
     * A problem speaks the user's words, never the JSON parser's, and names a real line and column. The parser's
     * marks are looked for only where the text itself lacks them: a message may quote the text, backticks and all.
     */
    private static void assertPlainAndPlaced(String text, ParseResult result) {
        String[] parserWords = Stream.of("Source:", "REDACTED", "Feature", "`", "(code ")
                .filter(word -> !text.contains(word)).toArray(String[]::new);
        assertThat(result.problems()).allSatisfy(p -> {
            if (parserWords.length > 0) {
                assertThat(p.message()).doesNotContain(parserWords);
            }
            assertThat(p.location().line()).isPositive();
            assertThat(p.location().column()).isPositive();
        });
    }

    private static Gen<String> mutations() {
        Gen<Integer> position = integers().between(0, VALID.length() - 1);
        Gen<String> insert = Generate.pick(java.util.List.of(FRAGMENTS));
        Gen<Integer> cut = integers().between(0, 5);
        return position.zip(insert, cut, (at, text, length) ->
                VALID.substring(0, at) + text + VALID.substring(Math.min(VALID.length(), at + length)));
    }
}
