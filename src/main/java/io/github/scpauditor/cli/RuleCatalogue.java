package io.github.scpauditor.cli;

import io.github.scpauditor.check.Check;
import io.github.scpauditor.check.CheckInfo;
import io.github.scpauditor.check.Checks;
import io.github.scpauditor.check.attachment.AttachmentCheck;
import io.github.scpauditor.check.attachment.AttachmentChecks;
import io.github.scpauditor.report.SarifRenderer;
import java.util.ArrayList;
import java.util.List;

/** The whole check catalogue as SARIF rules: the policy checks, then the attachment checks, each with its own metadata. */
final class RuleCatalogue {

    private RuleCatalogue() {
    }

    static List<SarifRenderer.Rule> rules() {
        List<SarifRenderer.Rule> rules = new ArrayList<>();
        for (Check check : Checks.all()) {
            rules.add(rule(check.info()));
        }
        for (AttachmentCheck check : AttachmentChecks.all()) {
            rules.add(rule(check.info()));
        }
        return List.copyOf(rules);
    }

    private static SarifRenderer.Rule rule(CheckInfo info) {
        return new SarifRenderer.Rule(info.id(), info.summary(), info.defaultSeverity());
    }
}
