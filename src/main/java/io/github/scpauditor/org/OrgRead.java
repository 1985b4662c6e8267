package io.github.scpauditor.org;

import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.util.List;

/**
 * What reading an organisation produced: the snapshot, the calls that failed, (if it stopped early) what
 * was not read, and how the read went (for the run's metrics).
 */
public record OrgRead(OrgSnapshot snapshot, List<InputError> errors, Report.Incomplete incomplete, Stats stats) {
    public OrgRead {
        errors = List.copyOf(errors);
        if (stats == null) {
            stats = Stats.NONE;
        }
    }

    /** Without statistics (a saved snapshot, tests). */
    public OrgRead(OrgSnapshot snapshot, List<InputError> errors, Report.Incomplete incomplete) {
        this(snapshot, errors, incomplete, Stats.NONE);
    }

    /**
     * {@code apiCalls}: HTTP requests sent to Organizations, retries included; {@code throttles}: how many
     * of them were answered TooManyRequestsException; {@code elapsedMillis}: wall time of the read.
     */
    public record Stats(int apiCalls, int throttles, long elapsedMillis) {
        public static final Stats NONE = new Stats(0, 0, 0);
    }
}
