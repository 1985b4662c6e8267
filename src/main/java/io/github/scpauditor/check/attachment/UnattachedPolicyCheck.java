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
 * A customer-managed SCP attached to no root, OU or account: it restricts nobody. AWS-managed policies
 * (FullAWSAccess) are left alone, and so is an organisation whose SCPs are disabled (Organizations then
 * detaches every SCP; POLICY_TYPE_DISABLED says so once).
 */
public final class UnattachedPolicyCheck implements AttachmentCheck {

    public static final CheckInfo INFO = new CheckInfo("UNATTACHED_POLICY", Severity.INFO, Category.ATTACHMENT,
            "An SCP attached to no target: it cannot apply");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(OrgIndex organization) {
        OrgSnapshot snapshot = organization.snapshot();
        if (snapshot.roots().stream().noneMatch(OrgIndex::scpsEnabled)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (OrgSnapshot.Scp scp : snapshot.policies()) {
            if (scp.awsManaged() || !scp.targetIds().isEmpty()) {
                continue;
            }
            findings.add(new Finding(INFO.id(), INFO.defaultSeverity(), INFO.category(),
                    new PolicySource(scp.name(), scp.id(), scp.content()).label(), null, null, null,
                    "The SCP " + scp.name() + " is attached to no root, OU or account, so it restricts no account.",
                    "Attach it where it is meant to apply (aws organizations attach-policy --policy-id " + scp.id()
                            + " --target-id <root, OU or account id>), or delete it if it is no longer needed.",
                    null));
        }
        return findings;
    }
}
