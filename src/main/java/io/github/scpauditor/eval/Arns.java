package io.github.scpauditor.eval;

import java.util.List;

/**
 * ARN matching as IAM does it for Resource and the Arn condition operators: the six colon-separated
 * parts (arn, partition, service, region, account, resource) are matched one by one, case-sensitively,
 * so a wildcard in the region part never spills into the account part, nor a variable's value (which may hold
 * a ':') into the next part; the resource part may contain colons.
 */
final class Arns {
    static final int PARTS = 6;
    static final int PARTITION = 1;
    static final int SERVICE = 2;
    static final int REGION = 3;
    static final int ACCOUNT = 4;
    static final int RESOURCE = 5;

    private Arns() {
    }

    static boolean matches(Glob pattern, String arn) {
        if (pattern.isUniversal()) {
            return true;
        }
        List<Glob> patternParts = pattern.split(':', PARTS);
        if (patternParts.size() < PARTS) {
            return pattern.matches(arn, false);
        }
        String[] arnParts = arn.split(":", PARTS);
        if (arnParts.length < PARTS) {
            return false;
        }
        for (int i = 0; i < PARTS; i++) {
            if (!patternParts.get(i).matches(arnParts[i], false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code pattern} matches every ARN {@code other} matches, as {@link #matches} compares (sound, not
     * complete). Neither may hold a policy variable: its value is not known here.
     */
    static boolean covers(String pattern, String other) {
        Glob whole = Glob.of(pattern);
        List<Glob> patternParts = whole.split(':', PARTS);
        if (whole.isUniversal() || patternParts.size() < PARTS) {
            // Matched as one string; other's per-part matches are among its matches as one string.
            return whole.covers(Glob.of(other));
        }
        List<Glob> otherParts = Glob.of(other).split(':', PARTS);
        if (otherParts.size() < PARTS) {
            return false;
        }
        for (int i = 0; i < PARTS; i++) {
            if (!patternParts.get(i).covers(otherParts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fields of an ARN or ARN pattern as written in a policy, the resource field keeping its colons. A policy
     * variable is substituted before matching, so it is one piece of its field even with a ':' inside.
     */
    static List<Glob> fields(String written) {
        return PolicyVariables.asWritten(written).split(':', PARTS);
    }

    /** The i-th field of a request's ARN (resource part keeps its colons); null when there are fewer fields. */
    static String field(String arn, int index) {
        String[] parts = arn.split(":", PARTS);
        return index < parts.length ? parts[index] : null;
    }
}
