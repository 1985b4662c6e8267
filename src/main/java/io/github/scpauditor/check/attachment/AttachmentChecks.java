package io.github.scpauditor.check.attachment;

import java.util.List;

/** The registry of attachment checks, in catalogue order (run by OrgAuditor on a snapshot). */
public final class AttachmentChecks {

    private static final List<AttachmentCheck> ALL = List.of(
            new UnattachedPolicyCheck(),
            new ManagementAccountTargetCheck(),
            new PolicyTypeDisabledCheck());

    private AttachmentChecks() {
    }

    public static List<AttachmentCheck> all() {
        return ALL;
    }
}
