package io.github.scpauditor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scpauditor.publish.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private static final Report SEVERAL = Reports.of(
            List.of(Reports.unattached(), Reports.foreignArn(), Reports.bedrockDead(), Reports.regionLockout()),
            List.of(new InputError("p-broken01", "DescribePolicy failed after retries: TooManyRequestsException")), null);

    @Test
    void englishLeadsWithRegionAndBedrockFindingsMostSevereFirst() {
        assertThat(new EmailRenderer(ReportMessages.forTag("en"), Reports.ORG).render(SEVERAL)).isEqualTo("""
                scp-auditor report for organisation o-a1b2c3d4e5 (aws-cn)

                4 findings in 42 policies: 1 CRITICAL, 1 HIGH, 1 MEDIUM, 1 INFO.
                1 input could not be read; listed at the end.

                Region-deny and Bedrock findings (2)

                1. [CRITICAL] REGION_LOCKOUT (region)
                   Policy: p-regiondeny1 (DenyOutsideUsRegions), Statement[0] (Sid GRREGIONDENY)
                   The region-deny allows only us-east-1 and us-west-2, neither of which is in aws-cn: it denies every non-exempt action in cn-north-1 and cn-northwest-1.
                   Applies to: OU Workloads (ou-ab12-workload); 25 active accounts
                   Fix: Add cn-north-1 and cn-northwest-1 to the aws:RequestedRegion allow-list.

                2. [MEDIUM] DEAD_STATEMENT (Bedrock)
                   Policy: p-bedrock001 (DenyBedrockModels), Statement[1]
                   Every action of this Deny is a Bedrock action; Amazon Bedrock is not offered in aws-cn, so the statement matches no request.
                   Applies to: root Root (r-ab12); 40 active accounts
                   Fix: Remove the statement, or keep it documented as a guardrail for other partitions.

                Other findings (2)

                3. [HIGH] FOREIGN_PARTITION_ARN (partition)
                   Policy: p-exempt0001 (ExemptAdmins), Statement[0] (Sid ExemptBreakGlass)
                   The exemption names arn:aws:iam::*:role/BreakGlass, which never matches a principal in aws-cn: the deny applies to the role it meant to spare.
                   Applies to: account Shared services (123456789012); 1 active account
                   Fix: Write the ARN with arn:aws-cn: or arn:*:.

                4. [INFO] UNATTACHED_POLICY (attachment)
                   Policy: p-unused0001 (OldGuardrail)
                   The policy is attached to no root, OU or account, so it applies nowhere.
                   Attached to no target, so it applies nowhere.
                   Fix: Attach it where it is meant to apply, or delete it.

                Could not be read (1)
                - p-broken01: DescribePolicy failed after retries: TooManyRequestsException

                The complete report (JSON) goes to the machine subscribers of this topic as messages with the attribute kind=report.
                """);
    }

    @Test
    void simplifiedChineseFramesTheSameFindings() {
        assertThat(new EmailRenderer(ReportMessages.forTag("zh-CN"), Reports.ORG).render(SEVERAL)).isEqualTo("""
                scp-auditor 审计报告：组织 o-a1b2c3d4e5（aws-cn）

                在 42 个策略中发现 4 个问题：严重 1 个、高 1 个、中 1 个、提示 1 个。
                1 个输入无法读取，列于文末。

                区域拒绝与 Bedrock 相关发现（2）

                1. [严重] REGION_LOCKOUT（区域）
                   策略：p-regiondeny1 (DenyOutsideUsRegions)，Statement[0]（Sid GRREGIONDENY）
                   The region-deny allows only us-east-1 and us-west-2, neither of which is in aws-cn: it denies every non-exempt action in cn-north-1 and cn-northwest-1.
                   作用范围：组织单元 Workloads（ou-ab12-workload）；共 25 个活跃账户
                   修复建议：Add cn-north-1 and cn-northwest-1 to the aws:RequestedRegion allow-list.

                2. [中] DEAD_STATEMENT（Bedrock）
                   策略：p-bedrock001 (DenyBedrockModels)，Statement[1]
                   Every action of this Deny is a Bedrock action; Amazon Bedrock is not offered in aws-cn, so the statement matches no request.
                   作用范围：根 Root（r-ab12）；共 40 个活跃账户
                   修复建议：Remove the statement, or keep it documented as a guardrail for other partitions.

                其他发现（2）

                3. [高] FOREIGN_PARTITION_ARN（分区）
                   策略：p-exempt0001 (ExemptAdmins)，Statement[0]（Sid ExemptBreakGlass）
                   The exemption names arn:aws:iam::*:role/BreakGlass, which never matches a principal in aws-cn: the deny applies to the role it meant to spare.
                   作用范围：账户 Shared services（123456789012）；共 1 个活跃账户
                   修复建议：Write the ARN with arn:aws-cn: or arn:*:.

                4. [提示] UNATTACHED_POLICY（附加）
                   策略：p-unused0001 (OldGuardrail)
                   The policy is attached to no root, OU or account, so it applies nowhere.
                   未附加到任何目标，因此不会生效。
                   修复建议：Attach it where it is meant to apply, or delete it.

                无法读取（1）
                - p-broken01：DescribePolicy failed after retries: TooManyRequestsException

                完整报告（JSON）以带有消息属性 kind=report 的消息发送给本主题的程序订阅者。
                """);
    }

    @Test
    void aCleanRunIsShort() {
        assertThat(new EmailRenderer(ReportMessages.forTag("en"), Reports.ORG).render(Reports.of(List.of(), List.of(), null)))
                .isEqualTo("""
                        scp-auditor report for organisation o-a1b2c3d4e5 (aws-cn)

                        No findings in 42 policies audited.

                        The complete report (JSON) goes to the machine subscribers of this topic as messages with the attribute kind=report.
                        """);
    }

    @Test
    void aPartialRunSaysSoFirstAndNamesWhatWasNotRead() {
        Report partial = Reports.of(List.of(), List.of(), new Report.Incomplete("the invocation's time ran out",
                List.of("p-0000000001", "p-0000000002")));
        assertThat(new EmailRenderer(ReportMessages.forTag("zh-CN")).render(partial)).isEqualTo("""
                scp-auditor 审计报告（aws-cn）

                部分报告：读取组织时提前停止（the invocation's time ran out）。以下发现仅涵盖已读取的部分，请重新运行审计以查看其余部分。
                未读取（2 个）：p-0000000001、p-0000000002

                已审计 42 个策略，未发现问题。

                完整报告（JSON）以带有消息属性 kind=report 的消息发送给本主题的程序订阅者。
                """);
    }

    @Test
    void aLongReportDetailsTheFirstFiftyFindingsAndCountsTheRest() {
        Report large = Reports.of(Reports.many(120), List.of(), null);
        String text = new EmailRenderer(ReportMessages.forTag("en"), Reports.ORG).render(large);
        assertThat(text).contains("\n50. [").doesNotContain("\n51. [")
                .contains("... and 70 more findings, listed only in the JSON report.")
                .contains("Region-deny and Bedrock findings (40)")
                .contains("Other findings (80)");
    }

    @Test
    void onlyTheSupportedLocalesLoad() {
        assertThat(ReportMessages.forTag("zh_cn").locale().toLanguageTag()).isEqualTo("zh-CN");
        assertThatThrownBy(() -> ReportMessages.forTag("fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported locale \"fr\"; supported: en, zh-CN");
    }
}
