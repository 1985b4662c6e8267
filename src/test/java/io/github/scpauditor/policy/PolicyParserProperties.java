package io.github.scpauditor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser is total: whatever bytes a user feeds it, it answers with a result, never an exception. */
class PolicyParserProperties {

    private static final String VALID = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Deny", "NotAction": ["iam:*", "s3:Get*"],
            "Resource": "arn:aws-cn:s3:::b/*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1"]},
            "ArnNotLike": {"aws:PrincipalArn": "arn:aws-cn:iam::*:role/Admin"}}}]}""";

    @Property(tries = 2000)
    void neverThrowsOnArbitraryText(@ForAll String text) {
        ParseResult result = PolicyParser.parse(text);

        assertThat(result.policy()).isNotNull();
        assertThat(result.valid() || !result.problems().isEmpty()).isTrue();
    }

    @Property(tries = 2000)
    void neverThrowsOnMutatedPolicies(@ForAll("mutations") String text) {
        ParseResult result = PolicyParser.parse(text);

        assertThat(result.policy()).isNotNull();
        assertThat(result.policy().statements()).allSatisfy(s -> assertThat(s.actions().values()).isNotEmpty());
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<String> insert = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "null", "1", "true", "\"x\"", "");
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 5);
        return net.jqwik.api.Combinators.combine(position, insert, cut).as((at, text, length) -> {
            int end = Math.min(VALID.length(), at + length);
            return VALID.substring(0, at) + text + VALID.substring(end);
        });
    }
}
