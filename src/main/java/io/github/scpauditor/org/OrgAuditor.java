package io.github.scpauditor.org;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.check.attachment.AttachmentCheck;
import io.github.scpauditor.check.attachment.AttachmentChecks;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Exposure;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits an organisation snapshot: every SCP through the policy checks, plus the attachment checks
 * (UNATTACHED_POLICY, MANAGEMENT_ACCOUNT_TARGET, POLICY_TYPE_DISABLED), each finding on an attached
 * policy carrying its exposure (targets, active accounts beneath them).
 */
public final class OrgAuditor {

    private final Auditor auditor;
    private final List<AttachmentCheck> attachmentChecks;

    public OrgAuditor(Auditor auditor) {
        this(auditor, AttachmentChecks.all());
    }

    public OrgAuditor(Auditor auditor, List<AttachmentCheck> attachmentChecks) {
        this.auditor = auditor;
        this.attachmentChecks = List.copyOf(attachmentChecks);
    }

    /** {@code readErrors} and {@code incomplete} come from reading the organisation (empty/null for a saved snapshot). */
    public Report audit(OrgSnapshot snapshot, List<InputError> readErrors, Report.Incomplete incomplete) {
        OrgIndex organization = new OrgIndex(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (OrgSnapshot.Scp scp : snapshot.policies()) {
            Exposure exposure = organization.exposure(scp.targetIds());
            for (Finding finding : auditor.audit(new PolicySource(scp.name(), scp.id(), scp.content()))) {
                findings.add(exposure == null ? finding : finding.withExposure(exposure));
            }
        }
        for (AttachmentCheck check : attachmentChecks) {
            findings.addAll(check.check(organization));
        }
        return Report.of(auditor.partition().id(), snapshot.policies().size(), findings,
                readErrors == null ? List.of() : readErrors, incomplete);
    }
}
