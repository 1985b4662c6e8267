package io.github.scpauditor.org;

import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.util.List;

/** What reading an organisation produced: the snapshot, the calls that failed, and (if it stopped early) what was not read. */
public record OrgRead(OrgSnapshot snapshot, List<InputError> errors, Report.Incomplete incomplete) {
    public OrgRead {
        errors = List.copyOf(errors);
    }
}
