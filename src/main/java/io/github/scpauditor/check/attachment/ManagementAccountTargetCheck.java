package io.github.scpauditor.check.attachment;

import io.github.scpauditor.check.CheckInfo;
import io.github.scpauditor.org.OrgIndex;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer-managed SCP attached directly to the management account, where SCPs never apply: whoever
 * attached it expects a guardrail there that does not exist. (FullAWSAccess is attached to every account
 * by default and is left alone.)
 */
public final class ManagementAccountTargetCheck implements AttachmentCheck {

    public static final CheckInfo INFO = new CheckInfo("MANAGEMENT_ACCOUNT_TARGET", Severity.LOW, Category.ATTACHMENT,
            "An SCP attached directly to the management account, where SCPs never apply");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(OrgIndex organization) {
        OrgSnapshot snapshot = organization.snapshot();
        String management = snapshot.managementAccountId();
        List<Finding> findings = new ArrayList<>();
        if (management == null) {
            return findings;
        }
        for (OrgSnapshot.Scp scp : snapshot.policies()) {
            if (scp.awsManaged() || !scp.targetIds().contains(management)) {
                continue;
            }
            String account = organization.target(management).name();
            String named = account == null ? management : account + " (" + management + ")";
            findings.add(new Finding(INFO.id(), INFO.defaultSeverity(), INFO.category(),
                    new PolicySource(scp.name(), scp.id(), scp.content()).label(), null, null, null,
                    "The SCP " + scp.name() + " is attached to the management account " + named
                            + ", but SCPs never restrict the management account, so it has no effect there.",
                    "Detach it from the management account (aws organizations detach-policy --policy-id " + scp.id()
                            + " --target-id " + management + "); protect the management account with IAM policies and"
                            + " by keeping workloads out of it.",
                    organization.exposure(scp.targetIds())));
        }
        return findings;
    }
}
