package io.github.scpauditor.eval;

import java.util.List;
import java.util.Locale;

/**
 * Whether an ARN pattern can name anything in this partition: its partition field must be able to
 * name the partition ("arn:*:" and "arn:aws*:" can name aws-cn, "arn:aws:" cannot), and a written
 * region field must name a partition region. A policy variable within those fields could stand for
 * anything, so such a value is assumed to be able to.
 */
final class PartitionArns {

    /** How the pattern is compared with ARNs: per ARN part, as one wildcard string, or exactly. */
    enum Mode { ARN_PARTS, WILDCARD, EXACT, EXACT_IGNORE_CASE }

    private final PartitionFacts facts;
    private final String arnPrefix;

    PartitionArns(PartitionFacts facts) {
        this.facts = facts;
        this.arnPrefix = "arn:" + facts.id() + ":";
    }

    /** False only when no ARN of this partition can match the pattern; true for anything that is not an ARN. */
    boolean canName(String pattern, Mode mode) {
        if (PolicyVariables.hasVariablesInFirstFields(pattern, Arns.REGION + 1)) {
            return true;
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("arn:") || lower.length() <= 4) {
            return true;
        }
        return switch (mode) {
            case ARN_PARTS -> byParts(pattern);
            case WILDCARD -> Glob.of(pattern).canMatchSomethingStartingWith(arnPrefix, false) && regionFieldCanName(pattern, false);
            case EXACT -> pattern.startsWith(arnPrefix) && regionFieldCanName(pattern, false);
            case EXACT_IGNORE_CASE -> lower.startsWith(arnPrefix) && regionFieldCanName(pattern, true);
        };
    }

    private boolean byParts(String pattern) {
        List<Glob> parts = Arns.fields(pattern);
        if (parts.size() < Arns.PARTS) {
            return Glob.of(pattern).canMatchSomethingStartingWith(arnPrefix, false);
        }
        if (!parts.get(0).matches("arn", false) || !parts.get(Arns.PARTITION).matches(facts.id(), false)) {
            return false;
        }
        return regionCanBe(parts.get(Arns.REGION), false);
    }

    /** Checks the region field only where it is a field: no wildcard before it could shift the parts. */
    private boolean regionFieldCanName(String pattern, boolean ignoreCase) {
        List<Glob> fields = Arns.fields(pattern);
        if (fields.size() < Arns.PARTS) {
            return true;
        }
        for (int i = 0; i <= Arns.REGION; i++) {
            if (fields.get(i).hasWildcards()) {
                return true;
            }
        }
        return regionCanBe(fields.get(Arns.REGION), ignoreCase);
    }

    private boolean regionCanBe(Glob region, boolean ignoreCase) {
        if (region.matches("", ignoreCase)) {
            return true;
        }
        for (String r : facts.requestRegions()) {
            if (region.matches(r, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** Empty when the text is not an ARN; else whether its partition field can name this partition. */
    java.util.Optional<Boolean> partitionFieldCanName(String arn) {
        if (!arn.startsWith("arn:") || arn.length() <= 4) {
            return java.util.Optional.empty();
        }
        if (PolicyVariables.hasVariablesInFirstFields(arn, Arns.PARTITION + 1)) {
            return java.util.Optional.of(true);
        }
        List<Glob> fields = Arns.fields(arn);
        if (fields.size() <= Arns.PARTITION + 1) { // "arn:aws*": the partition field ends the text
            return java.util.Optional.of(Glob.of(arn).canMatchSomethingStartingWith(arnPrefix, false));
        }
        return java.util.Optional.of(fields.get(Arns.PARTITION).matches(facts.id(), false));
    }
}
