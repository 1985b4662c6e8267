package io.github.scpauditor.check;

import io.github.scpauditor.eval.ActionPattern;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.RegionRestriction;
import io.github.scpauditor.eval.TriBool;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.policy.ValueList;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A region-deny that allows some regions of the partition but not the one a global service signs its
 * requests for, and does not exempt that service: the service is denied everywhere (in aws-cn, e.g.
 * Organizations and Route 53 sign for cn-northwest-1, so allowing only cn-north-1 locks them out).
 * One finding per statement, naming every such service: they share one fix, in one element.
 */
public final class GlobalServiceDeniedCheck implements Check {

    public static final CheckInfo INFO = new CheckInfo("GLOBAL_SERVICE_DENIED", Severity.HIGH, Category.REGION,
            "A region-deny that denies a global service whose requests are signed for a region it does not allow");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        Evaluator evaluator = context.evaluator();
        Partition partition = evaluator.partition();
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.parsed().policy().statements()) {
            if (!Wording.isDeny(statement)) {
                continue;
            }
            Optional<RegionRestriction> restriction = evaluator.regionRestriction(statement);
            if (restriction.isEmpty() || !partial(restriction.get()) || evaluator.reach(statement).dead()) {
                continue;
            }
            Map<String, TriBool> byRegion = restriction.get().byRegion();
            // Like REGION_LOCKOUT, judged on the region conditions: the others (typically a principal
            // exemption) only narrow whom the denial reaches, and the message names them.
            Statement regionsOnly = new Statement(statement.index(), statement.sid(), statement.effect(),
                    statement.actions(), statement.resources(), statement.principal(),
                    RegionConditions.of(evaluator, statement), statement.location());
            // signing region -> the global services signed for it that this statement denies for sure
            Map<String, TreeSet<String>> denied = new TreeMap<>();
            partition.globalServices().forEach((service, signingRegion) -> {
                if (byRegion.get(signingRegion) == TriBool.TRUE
                        && partition.offers(service) != Availability.NO
                        && evaluator.canMatch(regionsOnly, service, signingRegion) == TriBool.TRUE) {
                    denied.computeIfAbsent(signingRegion, r -> new TreeSet<>()).add(service);
                }
            });
            if (denied.isEmpty()) {
                continue;
            }
            List<String> allowed = byRegion.entrySet().stream().filter(e -> e.getValue() == TriBool.FALSE)
                    .map(Map.Entry::getKey).sorted().toList();
            String services = denied.entrySet().stream()
                    .map(e -> Wording.services(partition, e.getValue()) + " sign" + (e.getValue().size() == 1 ? "s" : "")
                            + " requests for " + e.getKey())
                    .collect(Collectors.joining("; "));
            Set<String> deniedServices = new TreeSet<>();
            denied.values().forEach(deniedServices::addAll);
            List<String> exemptions = deniedServices.stream().map(s -> s + ":*").toList();
            // The entries that reach a denied service: NotAction entries such as organizations:Describe* spare part
            // of it, Action entries such as route53:ChangeResourceRecordSets deny only part of it.
            List<String> reaching = statement.actions().values().stream()
                    .filter(entry -> reaches(evaluator, regionsOnly, entry, denied, deniedServices))
                    .map(Value::text)
                    .toList();
            // A deny-list ("deny in cn-northwest-1") names where it denies: "also allow" would mean emptying it.
            boolean denyList = RegionConditions.of(evaluator, statement).stream()
                    .allMatch(c -> !c.operator().negated() && c.operator() != ConditionOperator.NULL);
            List<String> deniedIn = byRegion.entrySet().stream().filter(e -> e.getValue() == TriBool.TRUE)
                    .map(Map.Entry::getKey).sorted().toList();
            String message = (denyList ? "This Deny applies only in " + String.join(", ", deniedIn)
                            : "This Deny allows only " + String.join(", ", allowed)) + " of " + partition.id()
                    + ", but in " + partition.id() + " " + services
                    + ": it denies " + deniedWhat(statement, reaching, evaluator, deniedServices)
                    + RegionConditions.otherConditions(evaluator, statement) + ".";
            String remediation = exemptionFix(statement, exemptions, reaching, evaluator, deniedServices)
                    + (denyList ? " if you did not mean to deny " + (deniedServices.size() == 1 ? "it" : "them") + " everywhere."
                            : ", or also allow " + String.join(", ", denied.keySet()) + ".");
            findings.add(Findings.at(INFO, Severity.HIGH, Category.REGION, policy, statement,
                    statement.actions().location(), message, remediation));
        }
        return findings;
    }

    /**
     * Whether the entry reaches a denied service. An Action entry must match requests to the service itself where
     * they are signed: iam:PassRole is checked in the region of the call that passes the role, so a region-deny
     * denies it only where that call is made.
     */
    private static boolean reaches(Evaluator evaluator, Statement regionsOnly, Value entry,
            Map<String, TreeSet<String>> denied, Set<String> deniedServices) {
        if (regionsOnly.actions().negated()) {
            return evaluator.action(entry.text()).services().stream()
                    .anyMatch(match -> match.knownActions() > 0 && deniedServices.contains(match.prefix()));
        }
        Statement one = withAction(regionsOnly, entry);
        return denied.entrySet().stream().anyMatch(signed -> signed.getValue().stream()
                .anyMatch(service -> evaluator.canMatch(one, service, signed.getKey()) == TriBool.TRUE));
    }

    /** The statement with one Action entry in place of its Action element. */
    private static Statement withAction(Statement statement, Value entry) {
        ValueList actions = statement.actions();
        ValueList one = new ValueList(actions.element(), List.of(entry), false, false, actions.location());
        return new Statement(statement.index(), statement.sid(), statement.effect(), one, statement.resources(),
                statement.principal(), statement.conditions(), statement.location());
    }

    /** What the statement denies of the services: all of them, all but what NotAction exempts, or its Action entries. */
    private static String deniedWhat(Statement statement, List<String> reaching, Evaluator evaluator,
            Set<String> deniedServices) {
        String what = deniedServices.size() == 1 ? "that global service" : "these global services";
        if (statement.actions().negated()) {
            return what + " everywhere" + (reaching.isEmpty() ? ""
                    : ", all but the actions its NotAction " + Wording.quoted(reaching) + " exempts");
        }
        if (wholeServices(evaluator, reaching, deniedServices)) {
            return what + " everywhere";
        }
        return "its Action " + (reaching.size() == 1 ? "entry " : "entries ") + Wording.quoted(reaching) + " everywhere";
    }

    private static String exemptionFix(Statement statement, List<String> exemptions, List<String> reaching,
            Evaluator evaluator, Set<String> deniedServices) {
        if (statement.actions().negated()) {
            return "Add " + Wording.quoted(exemptions) + " to NotAction";
        }
        // "*", or "*:*" which matches every action just as well.
        int everyAction = evaluator.action("*").knownActions();
        Optional<String> universal = statement.actions().values().stream().map(Value::text)
                .filter(entry -> evaluator.action(entry).knownActions() == everyAction).findFirst();
        if (universal.isPresent()) {
            return "Replace Action \"" + universal.get() + "\" with NotAction " + Wording.quoted(exemptions);
        }
        // An entry such as "*:Delete*" also denies other services: removing it would drop those from the guardrail.
        boolean onlyDenied = reaching.stream().allMatch(entry -> evaluator.action(entry).services().stream()
                .allMatch(match -> match.knownActions() == 0 || deniedServices.contains(match.prefix())));
        // Removing every entry would leave an empty Action, which names nothing: the statement goes instead.
        boolean everyEntry = statement.actions().values().stream().allMatch(v -> reaching.contains(v.text()));
        return onlyDenied && everyEntry ? "Delete the statement"
                : onlyDenied ? "Remove " + Wording.quoted(reaching) + " from Action"
                : "Narrow " + Wording.quoted(reaching) + " in Action so that " + (reaching.size() == 1 ? "it no longer matches "
                        : "they no longer match ") + String.join(", ", exemptions);
    }

    /** Whether the Action entries deny every action of each denied service (an entry like organizations:* does). */
    private static boolean wholeServices(Evaluator evaluator, List<String> reaching, Set<String> deniedServices) {
        for (String service : deniedServices) {
            int all = knownActions(evaluator, service + ":*", service);
            if (reaching.stream().noneMatch(entry -> knownActions(evaluator, entry, service) == all)) {
                return false;
            }
        }
        return true;
    }

    private static int knownActions(Evaluator evaluator, String entry, String service) {
        return evaluator.action(entry).services().stream().filter(match -> match.prefix().equals(service))
                .mapToInt(ActionPattern.ServiceMatch::knownActions).findFirst().orElse(0);
    }

    /** Some region of the partition is allowed for sure, and some is not. */
    private static boolean partial(RegionRestriction restriction) {
        return restriction.byRegion().containsValue(TriBool.FALSE)
                && restriction.byRegion().values().stream().anyMatch(t -> t != TriBool.FALSE);
    }
}
