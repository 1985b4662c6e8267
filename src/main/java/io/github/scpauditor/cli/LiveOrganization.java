package io.github.scpauditor.cli;

import io.github.scpauditor.org.OrgRead;
import io.github.scpauditor.org.OrgReader;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.org.SnapshotJson;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.util.List;

/**
 * Reads the organisation through the AWS API. Only {@code audit --live} touches this class, so the
 * SDK's clients and HTTP stack are never loaded for file audits (start-up time).
 */
final class LiveOrganization {

    /** The organisation as read, or (when it could not be read at all) {@code error}. */
    record Result(OrgSnapshot snapshot, String snapshotJson, List<InputError> errors, Report.Incomplete incomplete,
            String error) {
    }

    private LiveOrganization() {
    }

    static Result read() {
        try {
            OrgRead read = OrgReader.fromEnvironment().read(() -> Long.MAX_VALUE);
            return new Result(read.snapshot(), SnapshotJson.write(read.snapshot()), read.errors(), read.incomplete(), null);
        } catch (RuntimeException e) {
            // OrgReadException (access denied, not in an organisation) and the SDK's own failures (no region,
            // no credentials, unreachable endpoint) alike: a reason to report, not a crash.
            return new Result(null, null, List.of(), null, "cannot read the organisation: " + Inputs.describe(e));
        }
    }
}
