package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.StatementRef;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class InvalidPolicyCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new InvalidPolicyCheck());
    }

    @Test
    void aProblemInAStatementTheParserLeftOutStillNamesItsSidAndLine() {
        String text = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "Fine", "Effect": "Deny", "Action": "s3:*", "Resource": "*"},
                    {
                      "Sid": "Broken",
                      "Effect": "Deny",
                      "Action": "s3:*",
                      "Resource": 42
                    }
                  ]
                }
                """;
        List<Finding> findings = check(text);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.statement()).isEqualTo(new StatementRef(1, "Broken"));
            assertThat(f.pointer()).isEqualTo("/Statement/1/Resource");
            assertThat(f.line()).isEqualTo(9);
        });
    }

    @Test
    void aSingleStatementObjectIsStatementZero() {
        String text = "{\"Version\":\"2012-10-17\",\n\"Statement\":{\"Sid\":\"Only\",\"Effect\":\"Deny\",\"Action\":7,\"Resource\":\"*\"}}";
        assertThat(check(text)).singleElement().satisfies(f -> {
            assertThat(f.statement()).isEqualTo(new StatementRef(0, "Only"));
            assertThat(f.pointer()).isEqualTo("/Statement/Action");
            assertThat(f.line()).isEqualTo(2);
        });
    }

    private static List<Finding> check(String text) {
        PolicyUnderAudit policy = new PolicyUnderAudit(new PolicySource("p.json", null, text), PolicyParser.parse(text));
        return new InvalidPolicyCheck().check(policy, new CheckContext(null, CheckContext.DEFAULT_SIZE_QUOTA));
    }
}
