package io.github.scpauditor.cli;

import io.github.scpauditor.check.Check;
import io.github.scpauditor.check.Checks;
import io.github.scpauditor.report.SarifRenderer;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;

/** The whole check catalogue as SARIF rules: the policy checks' own metadata plus the organisation checks. */
final class RuleCatalogue {

    /** The checks that look at attachments rather than policy text (run by OrgAuditor), as DESIGN.md lists them. */
    static final List<SarifRenderer.Rule> ORGANISATION_CHECKS = List.of(
            new SarifRenderer.Rule("UNATTACHED_POLICY", "An SCP attached to no target: it cannot apply", Severity.INFO),
            new SarifRenderer.Rule("MANAGEMENT_ACCOUNT_TARGET",
                    "An SCP attached directly to the management account, where SCPs never apply", Severity.LOW),
            new SarifRenderer.Rule("POLICY_TYPE_DISABLED", "SCPs are not enabled on the root: none of them applies",
                    Severity.HIGH));

    private RuleCatalogue() {
    }

    static List<SarifRenderer.Rule> rules() {
        List<SarifRenderer.Rule> rules = new ArrayList<>();
        for (Check check : Checks.all()) {
            rules.add(new SarifRenderer.Rule(check.info().id(), check.info().summary(), check.info().defaultSeverity()));
        }
        rules.addAll(ORGANISATION_CHECKS);
        return List.copyOf(rules);
    }
}
