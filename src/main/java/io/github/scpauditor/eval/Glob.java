package io.github.scpauditor.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IAM wildcard pattern: '*' matches any run of characters, '?' exactly one. Characters that came
 * from a policy variable or an escape ({@code ${*}}) are literal even when they are '*' or '?', and a ':'
 * among them separates no ARN fields, so a pattern remembers which positions were written in the policy.
 */
final class Glob {
    private final String chars;
    /** Per position: written in the policy (not from a variable); null when all are (the common case). */
    private final boolean[] written;

    /** Length of the literal text before the first wildcard; equals length() when there is none. */
    private final int literalHead;
    /** True when the only wildcard is one '*' at the end ("ec2:Describe*"): a prefix test suffices. */
    private final boolean headThenStar;

    private Glob(String chars, boolean[] written) {
        this.chars = chars;
        this.written = written;
        int head = 0;
        while (head < chars.length() && !isStar(head) && !isAny(head)) {
            head++;
        }
        this.literalHead = head;
        this.headThenStar = head == chars.length() - 1 && isStar(head);
    }

    static Glob of(String pattern) {
        return new Glob(pattern, null);
    }

    static Glob ofLowerCase(String pattern) {
        return new Glob(pattern.toLowerCase(Locale.ROOT), null);
    }

    String text() {
        return chars;
    }

    /** The literal text before the first wildcard (all of it when there is none). */
    String literalHead() {
        return chars.substring(0, literalHead);
    }

    boolean isLiteral() {
        return literalHead == chars.length();
    }

    private boolean isStar(int i) {
        return chars.charAt(i) == '*' && (written == null || written[i]);
    }

    private boolean isAny(int i) {
        return chars.charAt(i) == '?' && (written == null || written[i]);
    }

    boolean hasWildcards() {
        for (int i = 0; i < chars.length(); i++) {
            if (isStar(i) || isAny(i)) {
                return true;
            }
        }
        return false;
    }

    /** True when the pattern is one or more '*' only: it matches every string. */
    boolean isUniversal() {
        if (chars.isEmpty()) {
            return false;
        }
        for (int i = 0; i < chars.length(); i++) {
            if (!isStar(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char p, char t, boolean ignoreCase) {
        return p == t || ignoreCase && Character.toLowerCase(p) == Character.toLowerCase(t);
    }

    boolean matches(String text, boolean ignoreCase) {
        if (literalHead == chars.length()) {
            return ignoreCase ? chars.equalsIgnoreCase(text) : chars.equals(text);
        }
        if (headThenStar) {
            return text.regionMatches(ignoreCase, 0, chars, 0, literalHead);
        }
        int m = chars.length();
        int n = text.length();
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        while (t < n) {
            if (p < m && isStar(p)) {
                starP = p++;
                starT = t;
            } else if (p < m && (isAny(p) || same(chars.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < m && isStar(p)) {
            p++;
        }
        return p == m;
    }

    /**
     * Whether this pattern matches every string {@code other} matches, case-sensitively. Sound, not complete:
     * other's '*' must be taken by a '*' here, its '?' by a '?' or '*', its other characters by the same character
     * or a wildcard; so "arn:*:iam::*:role/Admin*" covers "arn:aws-cn:iam::*:role/Admin", and "a?" does not cover "a*".
     */
    boolean covers(Glob other) {
        int m = chars.length();
        int n = other.chars.length();
        // rest[j]: pattern positions i.. cover other's positions j.., filled from the end of this pattern backwards
        boolean[] rest = new boolean[n + 1];
        rest[n] = true;
        for (int i = m - 1; i >= 0; i--) {
            boolean[] here = new boolean[n + 1];
            for (int j = n; j >= 0; j--) {
                if (isStar(i)) {
                    here[j] = rest[j] || j < n && here[j + 1];
                } else if (j < n && !other.isStar(j)) {
                    boolean takes = isAny(i) || !other.isAny(j) && chars.charAt(i) == other.chars.charAt(j);
                    here[j] = takes && rest[j + 1];
                }
            }
            rest = here;
        }
        return rest[0];
    }

    /**
     * Whether some string matches both patterns, case-sensitively: a search over pairs of positions, where a '*'
     * may match nothing and the next character must be one both positions accept.
     */
    boolean intersects(Glob other) {
        int m = chars.length();
        int n = other.chars.length();
        boolean[][] seen = new boolean[m + 1][n + 1];
        ArrayDeque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[] {0, 0});
        while (!todo.isEmpty()) {
            int[] at = todo.pop();
            int i = at[0];
            int j = at[1];
            if (seen[i][j]) {
                continue;
            }
            seen[i][j] = true;
            if (i == m && j == n) {
                return true;
            }
            if (i < m && isStar(i)) {
                todo.push(new int[] {i + 1, j});
            }
            if (j < n && other.isStar(j)) {
                todo.push(new int[] {i, j + 1});
            }
            boolean anyHere = i < m && (isStar(i) || isAny(i));
            boolean anyThere = j < n && (other.isStar(j) || other.isAny(j));
            if (i < m && j < n && (anyHere || anyThere || chars.charAt(i) == other.chars.charAt(j))) {
                todo.push(new int[] {isStar(i) ? i : i + 1, other.isStar(j) ? j : j + 1});
            }
        }
        return false;
    }

    /** The pattern positions reachable after reading {@code prefix} (NFA simulation); null when none. */
    private boolean[] statesAfter(String prefix, boolean ignoreCase) {
        int m = chars.length();
        boolean[] states = new boolean[m + 1];
        states[0] = true;
        closeOverStars(states);
        for (int t = 0; t < prefix.length(); t++) {
            boolean[] next = new boolean[m + 1];
            boolean any = false;
            for (int p = 0; p < m; p++) {
                if (!states[p]) {
                    continue;
                }
                if (isStar(p)) {
                    next[p] = true;
                    any = true;
                } else if (isAny(p) || same(chars.charAt(p), prefix.charAt(t), ignoreCase)) {
                    next[p + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return null;
            }
            closeOverStars(next);
            states = next;
        }
        return states;
    }

    private void closeOverStars(boolean[] states) {
        for (int p = 0; p < chars.length(); p++) {
            if (states[p] && isStar(p)) {
                states[p + 1] = true;
            }
        }
    }

    /** Can the pattern match some string that starts with {@code prefix}? */
    boolean canMatchSomethingStartingWith(String prefix, boolean ignoreCase) {
        return statesAfter(prefix, ignoreCase) != null;
    }

    /** Does the pattern match every string that starts with {@code prefix} (e.g. "s3*" for "s3:")? */
    boolean matchesEverythingStartingWith(String prefix, boolean ignoreCase) {
        boolean[] states = statesAfter(prefix, ignoreCase);
        if (states == null) {
            return false;
        }
        for (int p = 0; p < chars.length(); p++) {
            if (states[p] && restIsStars(p)) {
                return true;
            }
        }
        return false;
    }

    private boolean restIsStars(int from) {
        for (int i = from; i < chars.length(); i++) {
            if (!isStar(i)) {
                return false;
            }
        }
        return from < chars.length();
    }

    /**
     * Splits at separators written in the policy, at most {@code limit} parts: a variable is one piece of its
     * part even when its value (or its name, as in ${aws:username}) holds the separator.
     */
    List<Glob> split(char separator, int limit) {
        List<Glob> parts = new ArrayList<>(limit);
        int start = 0;
        for (int i = 0; i < chars.length() && parts.size() < limit - 1; i++) {
            if (chars.charAt(i) == separator && (written == null || written[i])) {
                parts.add(slice(start, i));
                start = i + 1;
            }
        }
        parts.add(slice(start, chars.length()));
        return parts;
    }

    private Glob slice(int from, int to) {
        return new Glob(chars.substring(from, to), written == null ? null : java.util.Arrays.copyOfRange(written, from, to));
    }

    /** Builds a pattern piece by piece: text from the policy keeps its wildcards, substituted text is literal. */
    static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private final List<Boolean> written = new ArrayList<>();

        Builder pattern(String text) {
            for (int i = 0; i < text.length(); i++) {
                chars.append(text.charAt(i));
                written.add(true);
            }
            return this;
        }

        Builder literal(String text) {
            for (int i = 0; i < text.length(); i++) {
                chars.append(text.charAt(i));
                written.add(false);
            }
            return this;
        }

        Glob build() {
            boolean[] flags = new boolean[written.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = written.get(i);
            }
            return new Glob(chars.toString(), flags);
        }
    }

    @Override
    public String toString() {
        return chars;
    }
}
