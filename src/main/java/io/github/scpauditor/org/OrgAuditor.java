package io.github.scpauditor.org;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.util.List;

/**
 * Audits an organisation snapshot: every SCP through the policy checks, plus the attachment checks
 * (UNATTACHED_POLICY, MANAGEMENT_ACCOUNT_TARGET, POLICY_TYPE_DISABLED), each finding on an attached
 * policy carrying its exposure (targets, active accounts beneath them).
 * API CONTRACT — body to be implemented (org helper).
 */
public final class OrgAuditor {

    public OrgAuditor(Auditor auditor) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code readErrors} and {@code incomplete} come from reading the organisation (empty/null for a saved snapshot). */
    public Report audit(OrgSnapshot snapshot, List<InputError> readErrors, Report.Incomplete incomplete) {
        throw new UnsupportedOperationException("TODO");
    }
}
