package io.github.scpauditor.eval;

import io.github.scpauditor.policy.Value;
import io.github.scpauditor.policy.ValueList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Action or NotAction element compiled for analysis: entries whose service prefix is written out
 * are filed under it (the common case, looked up in O(1)); entries with a wildcard in the prefix are
 * tried against every service.
 */
final class ActionElement {
    private final boolean negated;
    private final boolean hasUniversalEntry;
    private final Map<String, List<Entry>> byLiteralPrefix = new HashMap<>();
    private final List<Entry> wildcardPrefixed = new ArrayList<>();

    /**
     * One entry, lower-cased. Action names have exactly one colon, so an entry with a colon matches
     * "service:action" exactly when its part before the first colon matches the service and the rest
     * matches the action; an entry without a colon ("*") is matched as a whole.
     */
    record Entry(Glob prefix, Glob action, Glob whole) {
        static Entry of(String text) {
            Glob whole = Glob.ofLowerCase(text);
            int colon = whole.text().indexOf(':');
            if (colon < 0) {
                return new Entry(null, null, whole);
            }
            return new Entry(Glob.of(whole.text().substring(0, colon)), Glob.of(whole.text().substring(colon + 1)), whole);
        }

        boolean literalPrefix() {
            return prefix != null && !prefix.hasWildcards();
        }

        boolean canTouch(String service) {
            return whole.isUniversal()
                    || (prefix != null ? prefix.matches(service, false) : whole.canMatchSomethingStartingWith(service + ":", false));
        }

        boolean coversAll(String service) {
            return whole.isUniversal()
                    || (prefix != null ? action.isUniversal() : whole.matchesEverythingStartingWith(service + ":", false));
        }

        /** {@code action} is lower case and belongs to a service this entry can touch. */
        boolean matches(String service, String action) {
            return this.action != null ? this.action.matches(action, false) : whole.matches(service + ":" + action, false);
        }

        /**
         * How many of the service's known actions this entry matches. Only the actions that start with
         * the entry's literal head can match, and sorting puts them side by side.
         */
        int countKnown(PartitionFacts.Service s) {
            String service = s.prefix();
            if (coversAll(service)) {
                return s.actionCount();
            }
            String[] sortedActions = s.actionsLower();
            if (action == null) {
                int n = 0;
                for (String a : sortedActions) {
                    n += matches(service, a) ? 1 : 0;
                }
                return n;
            }
            if (action.isLiteral()) {
                return Arrays.binarySearch(sortedActions, action.text()) >= 0 ? 1 : 0;
            }
            String head = action.literalHead();
            int i = Arrays.binarySearch(sortedActions, head);
            int n = 0;
            for (i = i >= 0 ? i : -i - 1; i < sortedActions.length && sortedActions[i].startsWith(head); i++) {
                n += action.matches(sortedActions[i], false) ? 1 : 0;
            }
            return n;
        }
    }

    ActionElement(ValueList actions) {
        this.negated = actions.negated();
        boolean universal = false;
        for (Value v : actions.values()) {
            Entry e = Entry.of(v.text());
            universal |= e.whole().isUniversal();
            if (e.literalPrefix()) {
                byLiteralPrefix.computeIfAbsent(e.prefix().text(), k -> new ArrayList<>(2)).add(e);
            } else {
                wildcardPrefixed.add(e);
            }
        }
        this.hasUniversalEntry = universal;
    }

    boolean negated() {
        return negated;
    }

    /** An entry "*" (or "**"): Action then names everything, NotAction excludes everything. */
    boolean hasUniversalEntry() {
        return hasUniversalEntry;
    }

    /**
     * Whether every entry is an Action entry with {@code service} written as its prefix and, for a non-null
     * {@code action} (lower case), that action written out: then every request it matches is one of them.
     */
    boolean namesOnly(String service, String action) {
        if (negated || !wildcardPrefixed.isEmpty() || byLiteralPrefix.size() != 1
                || !byLiteralPrefix.containsKey(service)) {
            return false;
        }
        return action == null || byLiteralPrefix.get(service).stream()
                .allMatch(e -> e.action().isLiteral() && e.action().text().equals(action));
    }

    /** Literal prefixes written in the element (they may name services the index does not know). */
    Iterable<String> literalPrefixes() {
        return byLiteralPrefix.keySet();
    }

    boolean hasWildcardPrefixes() {
        return !wildcardPrefixed.isEmpty();
    }

    /** The entries that can match some action of this service. */
    List<Entry> entriesFor(String prefix) {
        List<Entry> literal = byLiteralPrefix.getOrDefault(prefix, List.of());
        if (wildcardPrefixed.isEmpty()) {
            return literal;
        }
        List<Entry> out = null;
        for (Entry e : wildcardPrefixed) {
            if (e.canTouch(prefix)) {
                if (out == null) {
                    out = new ArrayList<>(literal);
                }
                out.add(e);
            }
        }
        return out == null ? literal : out;
    }

    /**
     * Can the element match some request sent to this service? Actions checked inside other services' requests
     * (iam:PassRole) are not such requests. Action: TRUE when an entry matches another known action, UNKNOWN when
     * it only names the service (the index may miss a new action). NotAction: FALSE when an entry covers the whole
     * service or every other known action is excluded.
     */
    TriBool covers(PartitionFacts.Service service) {
        List<Entry> entries = entriesFor(service.prefix());
        String prefix = service.prefix();
        List<String> elsewhere = service.checkedInOtherRequests();
        if (!negated) {
            if (entries.isEmpty()) {
                return TriBool.FALSE;
            }
            for (Entry e : entries) {
                long checkedElsewhere = elsewhere.stream().filter(a -> e.matches(prefix, a)).count();
                if (e.countKnown(service) > checkedElsewhere) {
                    return TriBool.TRUE;
                }
            }
            return TriBool.UNKNOWN;
        }
        if (entries.isEmpty()) {
            return TriBool.TRUE;
        }
        for (Entry e : entries) {
            if (e.coversAll(prefix)) {
                return TriBool.FALSE;
            }
        }
        if (service.actionsLower().length == 0) {
            return TriBool.UNKNOWN;
        }
        for (String action : service.actionsLower()) {
            if (!elsewhere.contains(action) && !anyMatches(entries, prefix, action)) {
                return TriBool.TRUE;
            }
        }
        return TriBool.FALSE;
    }

    /** Whether the element matches this action (lower case) of the service: Action names it, or NotAction does not. */
    boolean matchesAction(String service, String action) {
        return negated != anyMatches(entriesFor(service), service, action);
    }

    private static boolean anyMatches(List<Entry> entries, String service, String action) {
        for (Entry e : entries) {
            if (e.matches(service, action)) {
                return true;
            }
        }
        return false;
    }

    /** Concrete matching: case-insensitive, NotAction when no entry matches. */
    static boolean matches(ValueList actions, String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        boolean any = false;
        for (Value v : actions.values()) {
            if (Glob.of(v.text()).matches(lower, true)) {
                any = true;
                break;
            }
        }
        return actions.negated() != any;
    }
}
