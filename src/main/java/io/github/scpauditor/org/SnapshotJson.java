package io.github.scpauditor.org;

import java.io.IOException;

/**
 * Reads and writes an {@link OrgSnapshot} as JSON.
 * API CONTRACT — bodies to be implemented (org helper).
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    /** Is this parsed JSON document a snapshot rather than a policy? (It has "organizationId" and "policies".) */
    public static boolean looksLikeSnapshot(String json) {
        throw new UnsupportedOperationException("TODO");
    }

    public static OrgSnapshot read(String json) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    public static String write(OrgSnapshot snapshot) {
        throw new UnsupportedOperationException("TODO");
    }
}
