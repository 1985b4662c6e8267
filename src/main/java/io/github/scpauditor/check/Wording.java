package io.github.scpauditor.check;

import io.github.scpauditor.eval.ArnFields;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.Statement;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Phrases built from partition facts, shared by the checks so that the same fact reads the same everywhere. */
final class Wording {

    private Wording() {
    }

    /** The wildcard-matching operator to use instead of a literal one, keeping its polarity, set qualifier and IfExists. */
    static String likeOperator(Condition condition) {
        return condition.operatorTextWith(condition.operator().negated()
                ? ConditionOperator.STRING_NOT_LIKE : ConditionOperator.STRING_LIKE);
    }

    /**
     * Partitions with more regions than this are not listed region by region: a message for aws would
     * otherwise spell out 34 of them, several times over.
     */
    static final int LISTED_REGIONS = 6;

    /** "aws-cn's regions are cn-north-1, cn-northwest-1", or "aws has 34 regions" where there are many. */
    static String regionsOf(Partition partition) {
        return fewRegions(partition) ? partition.id() + "'s regions are " + String.join(", ", partition.regions())
                : partition.id() + " has " + partition.regions().size() + " regions";
    }

    /** " (cn-north-1, cn-northwest-1)" after a mention of the partition's regions, or nothing where there are many. */
    static String listedRegions(Partition partition, Collection<String> regions, String separator) {
        return fewRegions(partition) ? " (" + String.join(separator, regions) + ")" : "";
    }

    static boolean fewRegions(Partition partition) {
        return partition.regions().size() <= LISTED_REGIONS;
    }

    /** "Amazon Bedrock (bedrock)": see {@link io.github.scpauditor.partition.ActionIndex#serviceLabel}. */
    static String service(Partition partition, String prefix) {
        return partition.actions().serviceLabel(prefix);
    }

    static String services(Partition partition, Collection<String> prefixes) {
        return prefixes.stream().map(p -> service(partition, p)).collect(Collectors.joining(", "));
    }

    /**
     * 10240 as "10,240". Not String.format("%,d"): that loads the locale data, 10 ms of every cold start
     * for one finding that rarely fires.
     */
    static String grouped(int number) {
        String digits = Integer.toString(Math.abs(number));
        StringBuilder out = new StringBuilder(number < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }

    /** ["a", "b"] as JSON would print them. */
    static String quoted(Collection<String> texts) {
        return texts.stream().map(Wording::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Bedrock and its sibling services (bedrock-agentcore, …): their findings lead the SNS summary. */
    static boolean isBedrock(String servicePrefix) {
        return servicePrefix.toLowerCase(Locale.ROOT).startsWith("bedrock");
    }

    /** The service part of a condition key ("bedrock" for "bedrock:InferenceProfileArn"); empty for a key without one. */
    static Optional<String> keyService(String conditionKey) {
        int colon = conditionKey.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(conditionKey.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /** The same ARN with another partition field: how a foreign ARN is fixed. */
    static String withPartition(String arn, String partition) {
        int first = arn.indexOf(':');
        int second = arn.indexOf(':', first + 1);
        return arn.substring(0, first + 1) + partition + arn.substring(second);
    }

    /**
     * For a Resource ARN with a region field whose resource type has none in its ARNs ("arn:aws:s3:us-east-1::logs"):
     * the ARN written for the partition with the region field empty ("arn:aws-cn:s3:::logs"), the only form of it that
     * names something here. Empty for any other ARN, where an ARN of the partition with one of its regions is the fix.
     */
    static Optional<String> withoutRegionWhereNone(Evaluator evaluator, String arn) {
        return withoutRegionWhereNone(evaluator, null, arn);
    }

    /** The same for an ARN value of a condition ({@code condition} null: of Resource), compared as it compares. */
    static Optional<String> withoutRegionWhereNone(Evaluator evaluator, Condition condition, String arn) {
        if (ArnFields.regionFieldEmpty(arn) || ArnFields.of(arn).isEmpty()) {
            return Optional.empty();
        }
        Partition partition = evaluator.partition();
        return ArnFields.of(withPartition(arn, partition.id()))
                .filter(fields -> !fields.region().isEmpty())
                .filter(fields -> {
                    String here = fields.withRegion(partition.regions().get(0));
                    return condition == null ? evaluator.regionFieldNamesNothing(here)
                            : evaluator.regionFieldNamesNothing(condition, here);
                })
                .map(fields -> fields.withRegion(""));
    }

    static boolean isDeny(Statement statement) {
        return statement.effect() == io.github.scpauditor.policy.Effect.DENY;
    }

    /** The closest candidate within {@code maxDistance} edits (case-insensitive), to suggest for a typo. */
    static Optional<String> closest(String text, Collection<String> candidates, int maxDistance) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = maxDistance + 1;
        for (String candidate : candidates) {
            // The distance is at least the difference in length: most candidates are ruled out unread.
            if (Math.abs(candidate.length() - lower.length()) >= bestDistance) {
                continue;
            }
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be below it. */
    private static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
