package io.github.scpauditor.audit;

import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import java.util.List;

/**
 * Parses a policy and runs every registered check on it. Never throws on bad input: a document that
 * is not a policy yields INVALID_POLICY findings.
 * API CONTRACT — body to be implemented (checks helper).
 */
public final class Auditor {

    public Auditor(Partition partition, int sizeQuota) {
        throw new UnsupportedOperationException("TODO");
    }

    public Partition partition() {
        throw new UnsupportedOperationException("TODO");
    }

    public List<Finding> audit(PolicySource source) {
        throw new UnsupportedOperationException("TODO");
    }
}
