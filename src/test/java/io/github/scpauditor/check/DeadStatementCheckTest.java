package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DeadStatementCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new DeadStatementCheck());
    }

    @Test
    void aStatementOnAnAbsentServiceIsOnlyToldToGoNotToRewriteItsResources() {
        String text = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"bedrock:*\","
                + " \"Resource\": \"arn:aws:bedrock:*:*:foundation-model/deepseek.*\"}]}";

        List<Finding> findings = new DeadStatementCheck().check(
                new PolicyUnderAudit(new PolicySource("p.json", null, text), PolicyParser.parse(text)),
                new CheckContext(Evaluator.of(Partition.of("aws-cn")), CheckContext.DEFAULT_SIZE_QUOTA));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("every service its Action names (Amazon Bedrock (bedrock))")
                    .contains("none of its resources");
            assertThat(f.remediation()).isEqualTo("Delete the statement, or name the aws-cn service it was meant to govern.");
        });
    }
}
