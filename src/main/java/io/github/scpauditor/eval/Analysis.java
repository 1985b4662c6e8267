package io.github.scpauditor.eval;

import io.github.scpauditor.eval.ConditionVerdict.Basis;
import io.github.scpauditor.eval.PartitionArns.Mode;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.ConditionOperator.Family;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.policy.ValueList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a statement can match in the partition, by three-valued evaluation over symbolic requests:
 * one per region a request can name, for the services the Action/NotAction element reaches. A request
 * knows its aws:RequestedRegion, and the keys that carry the same region for the statement's actions
 * ({@link RegionKeys}); keys of services the partition does not offer are absent; every other key is
 * unknown, so a condition on it is UNKNOWN unless its semantics decide regardless.
 */
final class Analysis {
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    private static final Set<String> ARN_VALUED_KEYS = Set.of("aws:principalarn", "aws:sourcearn");
    private static final int MEMO_SLOTS = 64;

    private final PartitionFacts facts;
    private final PartitionArns arns;
    private final AtomicReferenceArray<Memo> memos = new AtomicReferenceArray<>(MEMO_SLOTS);
    /** Bounded: cleared when full, so arbitrary input cannot grow it. */
    private static final int ACTION_PATTERN_SLOTS = 8192;
    private final ConcurrentHashMap<String, ActionPattern> actionPatterns = new ConcurrentHashMap<>();
    /** action("*"): every service of the index, computed once (racy but idempotent). */
    private volatile ActionPattern everyService;

    Analysis(PartitionFacts facts) {
        this.facts = facts;
        this.arns = new PartitionArns(facts);
    }

    /**
     * The checks ask several questions of each statement (reach from several checks, canMatch per
     * global service): a small direct-mapped table, by statement identity, keeps the compiled Action
     * element and the reach of recent statements, so a long NotAction is compiled and analysed once.
     */
    private Memo memo(Statement statement) {
        int slot = System.identityHashCode(statement) & (MEMO_SLOTS - 1);
        Memo m = memos.get(slot);
        if (m == null || m.statement() != statement) {
            m = new Memo(statement, statement.actions() == null ? null : new ActionElement(statement.actions()), new AtomicReference<>());
            memos.set(slot, m);
        }
        return m;
    }

    private record Memo(Statement statement, ActionElement actions, AtomicReference<Reach> reach) {
    }

    PartitionArns arns() {
        return arns;
    }

    // ---- reach ----

    Reach reach(Statement statement) {
        Memo memo = memo(statement);
        Reach known = memo.reach().get();
        if (known == null) {
            known = analyse(statement, memo.actions());
            memo.reach().set(known);
        }
        return known;
    }

    private Reach analyse(Statement statement, ActionElement actions) {
        List<DeadReason> reasons = new ArrayList<>();
        BitSet regions = new BitSet();
        if (actions != null) {
            regions = reachableRegions(actions);
            if (regions.isEmpty()) {
                reasons.add(actions.negated() ? new DeadReason.NotActionExcludesAll(unavailableLeft(actions))
                        : new DeadReason.ServicesUnavailable(unavailableNamed(actions)));
            }
        } else {
            regions.set(0, facts.requestRegionCount());
        }
        List<String> never = resourcesNeverMatching(statement.resources());
        if (!never.isEmpty()) {
            // Foreign ARNs (and NotResource "*") first, then those that name a region where their type has none.
            List<String> regionless = statement.resources().negated() ? List.of() : never.stream()
                    .filter(t -> arns.canName(t, Mode.ARN_PARTS) && arns.regionFieldNamesNothing(t)).toList();
            if (regionless.size() < never.size()) {
                List<String> foreign = never.stream().filter(t -> !regionless.contains(t)).toList();
                reasons.add(new DeadReason.ResourcesNeverMatch(foreign));
            }
            if (!regionless.isEmpty()) {
                reasons.add(new DeadReason.RegionInRegionlessArns(regionless));
            }
        }
        if (!regions.isEmpty()) {
            reasons.addAll(conditionReasons(statement, regions));
        }
        return new Reach(!reasons.isEmpty(), reasons);
    }

    /** The regions (bits over requestRegions) of the requests the element can reach; stops once all are in. */
    private BitSet reachableRegions(ActionElement actions) {
        BitSet regions = new BitSet();
        int all = facts.requestRegionCount();
        if (actions.negated() && actions.hasUniversalEntry()) {
            return regions;
        }
        if (!actions.negated()) {
            for (String prefix : actions.literalPrefixes()) {
                addIfReachable(regions, facts.service(prefix), actions);
                if (regions.cardinality() == all) {
                    return regions;
                }
            }
            if (!actions.hasWildcardPrefixes()) {
                return regions;
            }
        }
        for (PartitionFacts.Service s : facts.servicesRegionalFirst()) {
            addIfReachable(regions, s, actions);
            if (regions.cardinality() == all) {
                break;
            }
        }
        return regions;
    }

    private void addIfReachable(BitSet regions, PartitionFacts.Service s, ActionElement actions) {
        if (s.availability() == Availability.NO) {
            return;
        }
        BitSet its = facts.requestRegionsOf(s);
        if (!containsAll(regions, its) && reaches(actions, s)) {
            regions.or(its);
        }
        // iam:PassRole carries the region of the request that passes the role, whichever region that is.
        // Asked of every service for every statement: only IAM has such actions, so test that first.
        if (!s.checkedInOtherRequests().isEmpty() && !containsAll(regions, facts.partitionRegionBits())
                && s.checkedInOtherRequests().stream().anyMatch(a -> actions.matchesAction(s.prefix(), a))) {
            regions.or(facts.partitionRegionBits());
        }
    }

    private static boolean containsAll(BitSet have, BitSet wanted) {
        BitSet missing = (BitSet) wanted.clone();
        missing.andNot(have);
        return missing.isEmpty();
    }

    private static boolean reaches(ActionElement actions, PartitionFacts.Service s) {
        if (!actions.negated()) {
            return !actions.entriesFor(s.prefix()).isEmpty();
        }
        return actions.covers(s).possible();
    }

    private List<String> unavailableNamed(ActionElement actions) {
        Set<String> out = new LinkedHashSet<>();
        for (String prefix : actions.literalPrefixes()) {
            if (facts.availability(prefix) == Availability.NO) {
                out.add(prefix);
            }
        }
        if (actions.hasWildcardPrefixes()) {
            for (PartitionFacts.Service s : facts.services().values()) {
                if (s.availability() == Availability.NO && !actions.entriesFor(s.prefix()).isEmpty()) {
                    out.add(s.prefix());
                }
            }
        }
        return List.copyOf(out);
    }

    private List<String> unavailableLeft(ActionElement actions) {
        List<String> out = new ArrayList<>();
        if (actions.hasUniversalEntry()) {
            return out;
        }
        for (PartitionFacts.Service s : facts.services().values()) {
            if (s.availability() == Availability.NO && actions.covers(s).possible()) {
                out.add(s.prefix());
            }
        }
        return out;
    }

    /**
     * The Resource entries when every one names nothing in the partition (an ARN of another partition or region, or
     * with a region where its resource type has none); NotResource "*" excludes everything.
     */
    private List<String> resourcesNeverMatching(ValueList resources) {
        if (resources == null || resources.values().isEmpty() && resources.negated()) {
            return List.of();
        }
        List<String> texts = resources.values().stream().map(Value::text).toList();
        if (resources.negated()) {
            return texts.stream().anyMatch(t -> Glob.of(t).isUniversal()) ? texts : List.of();
        }
        for (String t : texts) {
            if (arns.canName(t, Mode.ARN_PARTS) && !arns.regionFieldNamesNothing(t)) {
                return List.of();
            }
        }
        return texts;
    }

    /** Reasons the conditions hold in none of the reachable regions; empty when some region is possible. */
    private List<DeadReason> conditionReasons(Statement statement, BitSet regions) {
        List<Condition> conditions = statement.conditions();
        if (conditions.isEmpty()) {
            return List.of();
        }
        // By position, not in maps keyed by Condition: a record's first hashCode costs a cold start ~30 ms.
        int[] falseCount = new int[conditions.size()];
        ConditionVerdict[] lastFalse = new ConditionVerdict[conditions.size()];
        List<ConditionVerdict> regionFree = new ArrayList<>(conditions.size());
        boolean[] regional = new boolean[conditions.size()];
        for (int i = 0; i < conditions.size(); i++) {
            regional[i] = carriesRegion(statement, conditions.get(i));
            if (!regional[i]) {
                regionFree.add(symbolic(statement, conditions.get(i), null));
            }
        }
        int regionsTried = 0;
        for (int r = regions.nextSetBit(0); r >= 0; r = regions.nextSetBit(r + 1)) {
            regionsTried++;
            String region = facts.requestRegions().get(r);
            TriBool all = TriBool.TRUE;
            int free = 0;
            for (int i = 0; i < conditions.size(); i++) {
                Condition c = conditions.get(i);
                ConditionVerdict v = regional[i] ? symbolic(statement, c, region) : regionFree.get(free++);
                all = all.and(v.result());
                if (v.result() == TriBool.FALSE) {
                    falseCount[i]++;
                    lastFalse[i] = v;
                }
            }
            if (all.possible()) {
                return List.of();
            }
        }
        List<String> tried = new ArrayList<>(regionsTried);
        for (int r = regions.nextSetBit(0); r >= 0; r = regions.nextSetBit(r + 1)) {
            tried.add(facts.requestRegions().get(r));
        }
        List<DeadReason> everywhere = new ArrayList<>();
        List<DeadReason> somewhere = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            if (lastFalse[i] != null) {
                (falseCount[i] == regionsTried ? everywhere : somewhere).add(reasonFor(statement, lastFalse[i], tried));
            }
        }
        return everywhere.isEmpty() ? somewhere : everywhere;
    }

    private DeadReason reasonFor(Statement statement, ConditionVerdict v, List<String> requestRegions) {
        Condition c = v.condition();
        List<String> values = c.values().stream().map(Value::text).toList();
        if (carriesRegion(statement, c)) {
            // Only region conditions can fail in some regions and not others: say where this one holds on its own.
            List<String> holdsIn = requestRegions.stream()
                    .filter(region -> symbolic(statement, c, region).result().possible()).toList();
            return new DeadReason.NoRegionSatisfies(c.operatorText(), c.key(), values, requestRegions, holdsIn);
        }
        if (v.basis() == Basis.KEY_NEVER_PRESENT) {
            return new DeadReason.KeyNeverPresent(c.operatorText(), c.key());
        }
        if (v.basis() == Basis.WILDCARDS_TAKEN_LITERALLY) {
            return new DeadReason.WildcardsTakenLiterally(c.operatorText(), c.key(), values);
        }
        return new DeadReason.ConditionNeverTrue(c.operatorText(), c.key(), values);
    }

    Optional<String> requestedRegionCarriedBy(String action) {
        int colon = action.indexOf(':');
        PartitionFacts.Service service = facts.service(action.substring(0, colon));
        String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
        return service.checkedInOtherRequests().contains(name) ? Optional.empty()
                : Optional.ofNullable(service.signingRegion());
    }

    /** Whether the condition's key carries the region of every request the statement can match (maybe absent). */
    boolean carriesRegion(Statement statement, Condition c) {
        return presence(statement, c) != RegionKeys.Presence.OTHER;
    }

    private RegionKeys.Presence presence(Statement statement, Condition c) {
        return RegionKeys.presence(c.key(), statement.actions() == null ? null : memo(statement).actions());
    }

    // ---- one condition on a symbolic request ----

    /**
     * The condition on a request of the partition the statement can match whose aws:RequestedRegion is {@code region}
     * (null: not needed).
     */
    ConditionVerdict symbolic(Statement statement, Condition c, String region) {
        RegionKeys.Presence presence = region == null ? RegionKeys.Presence.OTHER : presence(statement, c);
        if (presence != RegionKeys.Presence.OTHER) {
            if (ConditionEvaluator.substitutesVariables(c)) {
                return new ConditionVerdict(c, TriBool.UNKNOWN, Basis.DEPENDS_ON_REQUEST);
            }
            ConditionVerdict present = ConditionEvaluator.evaluate(c, RequestContext.single(c.key(), region));
            if (presence == RegionKeys.Presence.REGION) {
                return present;
            }
            // A key a request may omit decides only where both cases agree (a negated operator holds on both).
            ConditionVerdict absent = ConditionEvaluator.evaluate(c, RequestContext.EMPTY);
            return present.result() == absent.result() ? present
                    : new ConditionVerdict(c, TriBool.UNKNOWN, Basis.DEPENDS_ON_REQUEST);
        }
        if (keyNeverPresent(c.key())) {
            ConditionVerdict v = ConditionEvaluator.evaluate(c, RequestContext.EMPTY);
            return new ConditionVerdict(c, v.result(), Basis.KEY_NEVER_PRESENT);
        }
        boolean whenAbsent = c.operator() == ConditionOperator.NULL
                ? ConditionEvaluator.nullHolds(c, true) : ConditionEvaluator.holdsWhenMissing(c);
        TriBool whenPresent;
        Basis never = null;
        if (c.operator() == ConditionOperator.NULL) {
            whenPresent = TriBool.of(ConditionEvaluator.nullHolds(c, false));
        } else {
            TriBool valueMatches;
            if (c.values().isEmpty()) {
                valueMatches = TriBool.FALSE;
            } else if ((never = whyNoValueMatches(c)) != null) {
                valueMatches = TriBool.FALSE;
            } else {
                valueMatches = TriBool.UNKNOWN;
            }
            whenPresent = c.operator().negated() ? valueMatches.not() : valueMatches;
        }
        TriBool result = whenPresent == TriBool.of(whenAbsent) ? whenPresent : TriBool.UNKNOWN;
        Basis basis = result == TriBool.UNKNOWN ? Basis.DEPENDS_ON_REQUEST
                : never != null ? never : Basis.VALUES_COMPARED;
        return new ConditionVerdict(c, result, basis);
    }

    /** Keys of a service the partition does not offer are in no request of the partition. */
    boolean keyNeverPresent(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String prefix = key.substring(0, colon).toLowerCase(Locale.ROOT);
        return !prefix.equals("aws") && facts.availability(prefix) == Availability.NO;
    }

    /**
     * Why no value of an ARN comparison (or a string comparison on an ARN-valued global key) can match here: all
     * are ARNs of another partition, or with a region where their resource type has none (on keys that hold ARNs of
     * resources, whatever the operator), or principal ARNs with * or ? an exact operator takes as written. Null when
     * some value can match.
     */
    private Basis whyNoValueMatches(Condition c) {
        Optional<Mode> mode = arnComparison(c);
        if (mode.isEmpty()) {
            return null;
        }
        boolean resourceArns = holdsResourceArns(c);
        boolean foreign = false;
        for (Value v : c.values()) {
            if (!arns.canName(v.text(), mode.get())
                    || resourceArns && arns.regionFieldNamesNothing(v.text(), mode.get())) {
                foreign = true; // the ARN first: its fix also says how to write the wildcard
            } else if (!wildcardsTakenLiterally(c, mode.get(), v.text())) {
                return null;
            }
        }
        return foreign ? Basis.VALUES_NEVER_IN_PARTITION : Basis.WILDCARDS_TAKEN_LITERALLY;
    }

    /**
     * Whether a value of an ARN comparison names nothing because it has a region where its resource type has none,
     * compared as the condition compares; false on keys not known to hold ARNs of resources or principals.
     */
    boolean regionFieldNamesNothing(Condition c, String value) {
        return holdsResourceArns(c)
                && arnComparison(c).map(mode -> arns.regionFieldNamesNothing(value, mode)).orElse(false);
    }

    /** Any key's value could be a string that looks like an ARN; these always hold a resource's or principal's. */
    private static boolean holdsResourceArns(Condition c) {
        return ARN_VALUED_KEYS.contains(c.key().toLowerCase(Locale.ROOT));
    }

    /** IAM names allow no * or ?, so a principal ARN has none: an exact operator's value with one equals none. */
    private static boolean wildcardsTakenLiterally(Condition c, Mode mode, String value) {
        return (mode == Mode.EXACT || mode == Mode.EXACT_IGNORE_CASE) && c.key().equalsIgnoreCase(PRINCIPAL_ARN)
                && !PolicyVariables.hasVariables(value) && (value.indexOf('*') >= 0 || value.indexOf('?') >= 0);
    }

    /** How the condition compares its values with ARNs; empty when its values are not ARNs to compare. */
    private static Optional<Mode> arnComparison(Condition c) {
        if (c.operator().family() == Family.ARN) {
            return Optional.of(Mode.ARN_PARTS);
        }
        if (c.operator().family() == Family.STRING && ARN_VALUED_KEYS.contains(c.key().toLowerCase(Locale.ROOT))) {
            return Optional.of(c.operator().takesWildcards() ? Mode.WILDCARD
                    : StringCondition.ignoresCase(c.operator()) ? Mode.EXACT_IGNORE_CASE : Mode.EXACT);
        }
        return Optional.empty();
    }

    // ---- one service and region ----

    TriBool canMatch(Statement statement, String servicePrefix, String region) {
        PartitionFacts.Service service = facts.service(servicePrefix);
        if (service.availability() == Availability.NO) {
            return TriBool.FALSE;
        }
        TriBool result = service.availability() == Availability.YES ? TriBool.TRUE : TriBool.UNKNOWN;
        if (statement.actions() != null) {
            result = result.and(memo(statement).actions().covers(service));
        }
        result = result.and(resourcesCanMatch(statement.resources()));
        if (statement.principal() != null) {
            result = result.and(TriBool.UNKNOWN);
        }
        for (Condition c : statement.conditions()) {
            if (result == TriBool.FALSE) {
                break;
            }
            result = result.and(symbolic(statement, c, region).result());
        }
        return result;
    }

    private TriBool resourcesCanMatch(ValueList resources) {
        if (resources == null) {
            return TriBool.TRUE;
        }
        if (!resourcesNeverMatching(resources).isEmpty()) {
            return TriBool.FALSE;
        }
        if (resources.negated()) {
            return TriBool.TRUE;
        }
        return resources.values().stream().anyMatch(v -> Glob.of(v.text()).isUniversal()) ? TriBool.TRUE : TriBool.UNKNOWN;
    }

    // ---- regions ----

    Optional<RegionRestriction> regionRestriction(Statement statement) {
        List<Condition> regionConditions = regionConditions(statement);
        if (regionConditions.isEmpty()) {
            return Optional.empty();
        }
        Map<String, TriBool> byRegion = new LinkedHashMap<>();
        for (String region : facts.regions()) {
            TriBool all = TriBool.TRUE;
            for (Condition c : regionConditions) {
                all = all.and(symbolic(statement, c, region).result());
            }
            byRegion.put(region, all);
        }
        Set<String> mentioned = new LinkedHashSet<>();
        regionConditions.forEach(c -> c.values().forEach(v -> mentioned.add(v.text())));
        return Optional.of(new RegionRestriction(byRegion, mentioned));
    }

    /** The statement's conditions whose key carries the region of the requests it can match. */
    List<Condition> regionConditions(Statement statement) {
        return statement.conditions().stream().filter(c -> carriesRegion(statement, c)).toList();
    }

    Optional<NamedRegions> regionsNamedBy(Condition regionCondition, String value) {
        ConditionOperator op = regionCondition.operator();
        if (op == ConditionOperator.NULL || PolicyVariables.hasVariables(value)) {
            return Optional.empty();
        }
        return Optional.of(new NamedRegions(value, regionsMatching(op, value), regionsMatching(op, value.toLowerCase(Locale.ROOT))));
    }

    private List<String> regionsMatching(ConditionOperator op, String value) {
        List<String> named = new ArrayList<>(1);
        for (String region : facts.requestRegions()) {
            if (ConditionEvaluator.valueMatches(op, region, value)) {
                named.add(region);
            }
        }
        return named;
    }

    Optional<NamedRegions> regionsNamedByResource(String arn) {
        return regionsNamedByArn(arn, Mode.ARN_PARTS);
    }

    Optional<NamedRegions> regionsNamedByArnValue(Condition condition, String arn) {
        return arnComparison(condition).flatMap(mode -> regionsNamedByArn(arn, mode));
    }

    private Optional<NamedRegions> regionsNamedByArn(String arn, Mode mode) {
        return arns.regionField(arn, mode).map(region -> new NamedRegions(region.text(), arns.regionsNamedBy(region, mode),
                arns.regionsNamedBy(Glob.ofLowerCase(region.text()), mode)));
    }

    // ---- one action entry ----

    ActionPattern action(String pattern) {
        // The same entries ("iam:*", "organizations:*", …) recur across an organisation's policies.
        ActionPattern known = actionPatterns.get(pattern);
        if (known == null) {
            if (actionPatterns.size() >= ACTION_PATTERN_SLOTS) {
                actionPatterns.clear();
            }
            known = analyseAction(pattern);
            actionPatterns.put(pattern, known);
        }
        return known;
    }

    private ActionPattern analyseAction(String pattern) {
        ActionElement.Entry entry = ActionElement.Entry.of(pattern);
        if (entry.whole().isUniversal()) {
            ActionPattern all = everyService;
            if (all == null) {
                all = matching(pattern, entry);
                everyService = all;
            }
            return new ActionPattern(pattern, all.services(), all.knownActions(), false);
        }
        return matching(pattern, entry);
    }

    private ActionPattern matching(String pattern, ActionElement.Entry entry) {
        List<ActionPattern.ServiceMatch> matches = new ArrayList<>();
        int total = 0;
        String literalPrefix = entry.literalPrefix() ? entry.prefix().text() : null;
        Iterable<PartitionFacts.Service> candidates = literalPrefix != null
                ? (facts.services().containsKey(literalPrefix) ? List.of(facts.services().get(literalPrefix)) : List.of())
                : facts.services().values();
        for (PartitionFacts.Service s : candidates) {
            if (!entry.canTouch(s.prefix())) {
                continue;
            }
            int known = entry.countKnown(s);
            matches.add(new ActionPattern.ServiceMatch(s.prefix(), s.availability(), known));
            total += known;
        }
        boolean unknownService = matches.isEmpty();
        if (unknownService && literalPrefix != null) {
            matches.add(new ActionPattern.ServiceMatch(literalPrefix, facts.availability(literalPrefix), 0));
        }
        return new ActionPattern(pattern, matches, total, unknownService);
    }
}
