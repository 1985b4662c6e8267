package io.github.scpauditor.check.attachment;

import io.github.scpauditor.check.CheckInfo;
import io.github.scpauditor.org.OrgIndex;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * SCPs are not enabled on a root: none of the organisation's SCPs restricts any account under it. Raised
 * once per root, only when the organisation has customer-managed SCPs that are meant to apply.
 */
public final class PolicyTypeDisabledCheck implements AttachmentCheck {

    public static final CheckInfo INFO = new CheckInfo("POLICY_TYPE_DISABLED", Severity.HIGH, Category.ATTACHMENT,
            "SCPs are not enabled on the root: none of them applies");

    private static final int NAMES_SHOWN = 5;

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(OrgIndex organization) {
        OrgSnapshot snapshot = organization.snapshot();
        List<String> names = snapshot.policies().stream().filter(p -> !p.awsManaged()).map(OrgSnapshot.Scp::name).toList();
        List<Finding> findings = new ArrayList<>();
        if (names.isEmpty()) {
            return findings;
        }
        for (OrgSnapshot.Root root : snapshot.roots()) {
            if (OrgIndex.scpsEnabled(root)) {
                continue;
            }
            String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                    + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
            String label = (root.name() == null ? "Root" : root.name()) + " (" + root.id() + ")";
            findings.add(new Finding(INFO.id(), INFO.defaultSeverity(), INFO.category(), label, null, null, null,
                    "Service control policies are not enabled on the root " + label + ", so none of the organisation's "
                            + names.size() + " SCPs (" + shown + ") restricts any account.",
                    "Enable the policy type (aws organizations enable-policy-type --root-id " + root.id()
                            + " --policy-type SERVICE_CONTROL_POLICY), then attach the SCPs again: disabling the type"
                            + " detached them all.",
                    null));
        }
        return findings;
    }
}
