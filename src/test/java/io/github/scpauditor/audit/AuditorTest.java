package io.github.scpauditor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.check.Check;
import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.check.CheckInfo;
import io.github.scpauditor.check.PolicyUnderAudit;
import io.github.scpauditor.check.RegionLockoutCheck;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditorTest {

    private static final Partition AWS_CN = Partition.of("aws-cn");
    private final Auditor auditor = new Auditor(AWS_CN, CheckContext.DEFAULT_SIZE_QUOTA);

    @Test
    void aChinaCorrectRegionDenyComesOutClean() {
        String policy = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "DenyOutsideBeijing",
                      "Effect": "Deny",
                      "NotAction": ["iam:*", "sts:*", "support:*", "organizations:*", "route53:*", "cloudfront:*",
                                    "budgets:*", "ce:*", "account:*", "health:*"],
                      "Resource": "*",
                      "Condition": {
                        "StringNotEquals": {"aws:RequestedRegion": ["cn-north-1"]},
                        "ArnNotLike": {"aws:PrincipalArn": ["arn:aws-cn:iam::*:role/PlatformAdmin", "arn:*:iam::*:role/BreakGlass"]}
                      }
                    },
                    {
                      "Sid": "ProtectAuditLogs",
                      "Effect": "Deny",
                      "Action": ["s3:DeleteBucket", "s3:PutBucketPolicy"],
                      "Resource": ["arn:aws-cn:s3:::audit-logs", "arn:*:s3:::audit-logs/*"]
                    }
                  ]
                }
                """;
        assertThat(auditor.partition()).isSameAs(AWS_CN);
        assertThat(auditor.audit(new PolicySource("china.json", null, policy))).isEmpty();
    }

    @Test
    void findingsComeMostSevereFirstInReportOrder() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "GRREGIONDENY", "Effect": "Deny", "NotAction": ["iam:*", "bedrock:*"], "Resource": "*",
                   "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}}]}
                """;
        List<Finding> findings = auditor.audit(new PolicySource("gr.json", null, policy));
        assertThat(findings).extracting(Finding::checkId).containsExactly(
                "REGION_LOCKOUT", "CONTROL_TOWER_ARTIFACT", "REGION_NOT_IN_PARTITION", "UNAVAILABLE_SERVICE");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Report.ORDER);
        assertThat(findings).isEqualTo(sorted);
    }

    @Test
    void notJsonIsAnInvalidPolicyFindingNotAnException() {
        List<Finding> findings = auditor.audit(new PolicySource("broken.json", null, "{ \"Version\": "));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("INVALID_POLICY");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.source()).isEqualTo("broken.json");
            assertThat(f.statement()).isNull();
        });
    }

    @Test
    void aPolicyWithoutTextIsAnInvalidPolicyFinding() {
        assertThat(auditor.audit(new PolicySource("Empty", "p-abc12345", null)))
                .singleElement().satisfies(f -> {
                    assertThat(f.checkId()).isEqualTo("INVALID_POLICY");
                    assertThat(f.source()).isEqualTo("Empty (p-abc12345)");
                });
    }

    @Test
    void aPolicyWithoutANameIsNamedByItsId() {
        assertThat(auditor.audit(new PolicySource(null, "p-abc12345", "[]")))
                .singleElement().satisfies(f -> assertThat(f.source()).isEqualTo("p-abc12345 (p-abc12345)"));
        assertThat(auditor.audit(new PolicySource(null, null, "[]")))
                .singleElement().satisfies(f -> assertThat(f.source()).isEqualTo("(unnamed policy)"));
    }

    @Test
    void aFailingCheckBecomesAHighFindingUnderItsIdAndTheOtherChecksStillRun() {
        Check broken = new Check() {
            @Override
            public CheckInfo info() {
                return new CheckInfo("BROKEN_CHECK", Severity.LOW, Category.REGION, "Always fails");
            }

            @Override
            public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
                throw new IllegalStateException("boom");
            }
        };
        Auditor withBroken = new Auditor(AWS_CN, CheckContext.DEFAULT_SIZE_QUOTA, List.of(broken, new RegionLockoutCheck()));
        String policy = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}}}
                """;
        List<Finding> findings = withBroken.audit(new PolicySource("p.json", null, policy));
        assertThat(findings).extracting(Finding::checkId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("REGION_LOCKOUT", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("BROKEN_CHECK", Severity.HIGH));
        assertThat(findings.get(1).message()).contains("IllegalStateException: boom").contains("not audited for it");
        assertThat(findings.get(1).category()).isEqualTo(Category.REGION);
    }

    @Test
    void theQuotaIsASetting() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"
                + " ".repeat(5_000);
        assertThat(auditor.audit(new PolicySource("p.json", null, policy))).isEmpty();
        assertThat(new Auditor(AWS_CN, 5_120).audit(new PolicySource("p.json", null, policy)))
                .extracting(Finding::checkId).containsExactly("SIZE_NEAR_LIMIT");
    }
}
