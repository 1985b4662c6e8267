package io.github.scpauditor.eval;

import io.github.scpauditor.policy.Value;
import io.github.scpauditor.policy.ValueList;
import java.util.ArrayList;
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
    private final Map<String, List<Glob>> byLiteralPrefix = new HashMap<>();
    private final List<Glob> wildcardPrefixed = new ArrayList<>();

    ActionElement(ValueList actions) {
        this.negated = actions.negated();
        for (Value v : actions.values()) {
            Glob glob = Glob.ofLowerCase(v.text());
            String text = glob.text();
            int colon = text.indexOf(':');
            String prefix = colon > 0 ? text.substring(0, colon) : null;
            if (prefix != null && prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
                byLiteralPrefix.computeIfAbsent(prefix, k -> new ArrayList<>(2)).add(glob);
            } else {
                wildcardPrefixed.add(glob);
            }
        }
    }

    boolean negated() {
        return negated;
    }

    /** Literal prefixes written in the element (they may name services the index does not know). */
    Iterable<String> literalPrefixes() {
        return byLiteralPrefix.keySet();
    }

    boolean hasWildcardPrefixes() {
        return !wildcardPrefixed.isEmpty();
    }

    /** The entries that can match some action of this service. */
    List<Glob> entriesFor(String prefix) {
        List<Glob> literal = byLiteralPrefix.getOrDefault(prefix, List.of());
        if (wildcardPrefixed.isEmpty()) {
            return literal;
        }
        String start = prefix + ":";
        List<Glob> out = null;
        for (Glob g : wildcardPrefixed) {
            if (g.canMatchSomethingStartingWith(start, false)) {
                if (out == null) {
                    out = new ArrayList<>(literal);
                }
                out.add(g);
            }
        }
        return out == null ? literal : out;
    }

    /**
     * Can the element match some request to this service? Action: TRUE when an entry matches a known
     * action, UNKNOWN when it only names the service (the index may miss a new action). NotAction: FALSE
     * when an entry covers the whole service or every known action is excluded.
     */
    TriBool covers(PartitionFacts.Service service) {
        List<Glob> entries = entriesFor(service.prefix());
        String start = service.prefix() + ":";
        if (!negated) {
            if (entries.isEmpty()) {
                return TriBool.FALSE;
            }
            for (String action : service.actionsLower()) {
                if (anyMatches(entries, start + action)) {
                    return TriBool.TRUE;
                }
            }
            return TriBool.UNKNOWN;
        }
        if (entries.isEmpty()) {
            return TriBool.TRUE;
        }
        for (Glob g : entries) {
            if (g.matchesEverythingStartingWith(start, false)) {
                return TriBool.FALSE;
            }
        }
        if (service.actionsLower().length == 0) {
            return TriBool.UNKNOWN;
        }
        for (String action : service.actionsLower()) {
            if (!anyMatches(entries, start + action)) {
                return TriBool.TRUE;
            }
        }
        return TriBool.FALSE;
    }

    private static boolean anyMatches(List<Glob> entries, String action) {
        for (Glob g : entries) {
            if (g.matches(action, false)) {
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
