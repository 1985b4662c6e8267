package io.github.scpauditor.check;

import io.github.scpauditor.policy.Location;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import io.github.scpauditor.report.StatementRef;

/** Builds findings that name the policy, the statement and the exact element, so every check words them alike. */
public final class Findings {

    private Findings() {
    }

    /** A finding about one element of one statement. */
    public static Finding at(CheckInfo info, Severity severity, Category category, PolicyUnderAudit policy,
            Statement statement, Location element, String message, String remediation) {
        return new Finding(info.id(), severity, category, policy.source().label(),
                new StatementRef(statement.index(), statement.sidText()), element.pointer(), element.line(),
                message, remediation, null);
    }

    /** A finding about an element outside any well-formed statement (the document, or a statement the parser left out). */
    public static Finding at(CheckInfo info, Severity severity, Category category, PolicyUnderAudit policy,
            StatementRef statement, Location element, String message, String remediation) {
        return new Finding(info.id(), severity, category, policy.source().label(), statement, element.pointer(),
                element.line(), message, remediation, null);
    }

    /** A finding about the policy as a whole (its name, its size): no statement. */
    public static Finding ofPolicy(CheckInfo info, Severity severity, Category category, PolicyUnderAudit policy,
            Location element, String message, String remediation) {
        return at(info, severity, category, policy, (StatementRef) null, element, message, remediation);
    }
}
