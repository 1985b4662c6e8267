package io.github.scpauditor.check;

import io.github.scpauditor.eval.ActionPattern;
import io.github.scpauditor.eval.ConditionVerdict;
import io.github.scpauditor.eval.DeadReason;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.Reach;
import io.github.scpauditor.eval.Request;
import io.github.scpauditor.eval.TriBool;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Action, NotAction entries and condition keys of services the partition does not offer. In Action they
 * can never match (LOW); in NotAction they exempt nothing that exists here (INFO). Only a definite "not
 * offered" counts: a service whose availability is unknown is never reported.
 */
public final class UnavailableServiceCheck implements Check {

    /** Beyond this many entries or services a message counts them rather than listing them all (text at 100 columns). */
    private static final int MANY = 5;

    public static final CheckInfo INFO = new CheckInfo("UNAVAILABLE_SERVICE", Severity.LOW, Category.PARTITION,
            "An action, NotAction entry or condition key of a service the partition does not offer");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.parsed().policy().statements()) {
            Reach reach = context.evaluator().reach(statement);
            if (Wording.isDeny(statement) && DeadStatementCheck.reports(statement, reach)) {
                // DEAD_STATEMENT says to delete it: a fix to one of its parts would contradict that, and followed
                // alongside the others could leave a Deny wider than the dead one.
                continue;
            }
            actionEntries(policy, context.evaluator(), statement, reach, findings);
            conditionKeys(policy, context.evaluator(), statement, reach, findings);
        }
        return findings;
    }

    /**
     * One finding per element and category: the entries of unavailable Bedrock services, and those of other
     * unavailable services, each listed in one finding at the first of them (one list to prune, one fix).
     */
    private static void actionEntries(PolicyUnderAudit policy, Evaluator evaluator, Statement statement, Reach reach,
            List<Finding> findings) {
        if (!statement.actions().negated() && reach.servicesAbsent()) {
            return; // every service its Action names is absent: DEAD_STATEMENT says so, with the same fix
        }
        Partition partition = evaluator.partition();
        Map<Category, List<Value>> entriesByCategory = new LinkedHashMap<>();
        Map<Category, Set<String>> servicesByCategory = new LinkedHashMap<>();
        for (Value entry : statement.actions().values()) {
            ActionPattern pattern = evaluator.action(entry.text());
            if (pattern.onlyAbsentServices()) {
                Set<String> services = new TreeSet<>();
                pattern.services().forEach(s -> services.add(s.prefix()));
                Category category = category(services);
                entriesByCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(entry);
                servicesByCategory.computeIfAbsent(category, k -> new LinkedHashSet<>()).addAll(services);
            }
        }
        boolean exemption = statement.actions().negated();
        String element = statement.actions().element();
        entriesByCategory.forEach((category, entries) -> {
            Set<String> services = servicesByCategory.get(category);
            List<String> texts = entries.stream().map(Value::text).toList();
            boolean one = entries.size() == 1;
            // A long list is named in the fix, which must list what to remove; the message counts it instead.
            boolean many = entries.size() > MANY;
            String named = one ? element + " entry " + Wording.quote(texts.get(0)) + " names "
                    : many ? entries.size() + " " + element + " entries (listed in the fix) name "
                    : element + " entries " + Wording.quoted(texts) + " name ";
            // NotAction entries exempt from a Deny, but only leave out of what an Allow allows.
            String why = !exemption ? "so " + (one ? "it" : "they") + " can never match a request here"
                    : Wording.isDeny(statement) ? "so the exemption spares nothing that exists here"
                    : "so leaving " + (one ? "it" : "them") + " out of the Allow changes nothing here";
            String serviceNames = services.size() > MANY
                    ? Wording.services(partition, services.stream().limit(MANY).toList()) + " and " + (services.size() - MANY)
                            + " more"
                    : Wording.services(partition, services);
            String message = named + (services.size() == 1 ? "" : "services ") + serviceNames
                    + ", which " + partition.id() + " does not offer, " + why + ".";
            boolean everyEntry = entriesByCategory.values().stream().mapToInt(List::size).sum()
                    == statement.actions().values().size();
            String remediation = exemption && everyEntry
                    // An empty NotAction is not a valid policy: say what the statement already is.
                    ? "Every NotAction entry names a service " + partition.id() + " does not offer, so this statement"
                            + " already applies to every action here: write \"Action\": \"*\" instead of NotAction if"
                            + " that is what you mean."
                    : exemption
                    ? "Remove " + Wording.quoted(texts) + " from NotAction: " + (one ? "it only costs" : "they only cost")
                            + " policy size in " + partition.id() + "."
                    : "Remove " + Wording.quoted(texts) + " from Action, or name the " + partition.id()
                            + " service you meant to " + (Wording.isDeny(statement) ? "deny" : "allow") + ".";
            findings.add(Findings.at(INFO, exemption ? Severity.INFO : Severity.LOW, category, policy, statement,
                    entries.get(0).location(), message, remediation));
        });
    }

    /** One finding per condition key of an unavailable service, at the first condition that uses it. */
    private static void conditionKeys(PolicyUnderAudit policy, Evaluator evaluator, Statement statement, Reach reach,
            List<Finding> findings) {
        if (reach.servicesAbsent()) {
            return; // DEAD_STATEMENT says delete it or name a service that is here: its keys mean nothing until then
        }
        Partition partition = evaluator.partition();
        Set<String> reported = new HashSet<>();
        // How each condition comes out on a request without its key: the only request this partition has.
        List<ConditionVerdict> keyMissing = evaluator.conditions(statement, new Request(null, null, null, Map.of()));
        for (int i = 0; i < statement.conditions().size(); i++) {
            Condition condition = statement.conditions().get(i);
            String service = Wording.keyService(condition.key()).orElse(null);
            if (service == null || !partition.actions().knowsService(service)
                    || partition.offers(service) != Availability.NO || !reported.add(condition.key().toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean alwaysHolds = keyMissing.get(i).result() == TriBool.TRUE;
            if (!alwaysHolds && reach.dead() && reach.reasons().stream().anyMatch(reason -> reason instanceof DeadReason.KeyNeverPresent k
                    && k.key().equalsIgnoreCase(condition.key()))) {
                continue; // the statement is dead for want of this key: DEAD_STATEMENT says so, with the same fix
            }
            String effect = alwaysHolds
                    ? "so this " + condition.operatorText() + " condition always holds and narrows nothing"
                    : "so this " + condition.operatorText() + " condition never holds";
            String message = "Condition key " + Wording.quote(condition.key()) + " belongs to "
                    + Wording.service(partition, service) + ", which " + partition.id()
                    + " does not offer: no request here carries it, " + effect + ".";
            // A condition that never holds keeps the statement from matching: without it the statement would match
            // every request its actions and resources do, the opposite of what removing "nothing" suggests.
            String remediation = alwaysHolds
                    ? "Remove the " + condition.operatorText() + " condition on " + condition.key()
                            + " (it means nothing in " + partition.id() + "), and restrict with a key that "
                            + partition.id() + " requests carry."
                    : "Restrict the statement with a key that " + partition.id() + " requests carry, or delete it: removing"
                            + " only this condition would make the " + statement.effect().json()
                            + " apply to every request its actions and resources match.";
            findings.add(Findings.at(INFO, Severity.LOW, category(Set.of(service)), policy, statement,
                    condition.location(), message, remediation));
        }
    }

    private static Category category(Set<String> services) {
        return services.stream().allMatch(Wording::isBedrock) ? Category.BEDROCK : Category.PARTITION;
    }
}
