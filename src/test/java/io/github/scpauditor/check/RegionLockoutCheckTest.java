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

class RegionLockoutCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new RegionLockoutCheck());
    }

    @Test
    void inAPartitionOfManyRegionsTheMessagesCountTheRegionsRatherThanListingThemAll() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "OnlyChina", "Effect": "Deny", "NotAction": "iam:*",
                  "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["cn-north-1", "cn-northwest-1"]}}}]}""";
        List<Finding> findings = new Auditor(Partition.of("aws"), CheckContext.DEFAULT_SIZE_QUOTA)
                .audit(new PolicySource("china-only.json", null, policy));

        assertThat(findings).extracting(Finding::checkId)
                .containsExactly("REGION_LOCKOUT", "REGION_NOT_IN_PARTITION", "REGION_NOT_IN_PARTITION");
        assertThat(findings.get(0).message()).contains("which is every region of aws (aws has "
                + Partition.of("aws").regions().size() + " regions): it denies");
        assertThat(findings.get(0).remediation())
                .isEqualTo("Allow the aws regions you use: add them to the aws:RequestedRegion values.");
        assertThat(findings.get(1).remediation())
                .isEqualTo("Replace \"cn-north-1\" with the aws region it stands for, or remove it.");
        assertThat(findings).allSatisfy(f -> assertThat(f.message() + f.remediation()).doesNotContain("us-west-2"));
    }
}
