package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ForeignPartitionArnCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new ForeignPartitionArnCheck());
    }

    @Test
    void inAPartitionOfManyRegionsTheFixNamesTheRegionToWriteRatherThanListingThemAll() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sqs:SendMessage", "Resource": "*",
                  "Condition": {"ArnNotLike": {"aws:SourceArn": "arn:aws-cn:sns:cn-north-1:*:alerts"}}}]}""";
        List<Finding> findings = new Auditor(Partition.of("aws"), CheckContext.DEFAULT_SIZE_QUOTA)
                .audit(new PolicySource("shared.json", null, policy));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.remediation()).isEqualTo(
                "Write \"arn:aws:sns:<region>:*:alerts\" with the region of aws that stands for \"cn-north-1\","
                        + " a region of another partition."));
    }
}
