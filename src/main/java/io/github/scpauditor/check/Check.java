package io.github.scpauditor.check;

import io.github.scpauditor.report.Finding;
import java.util.List;

/** One check of the catalogue: a pure function of a policy and the evaluator. */
public interface Check {

    CheckInfo info();

    List<Finding> check(PolicyUnderAudit policy, CheckContext context);
}
