package io.github.scpauditor.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether an ARN pattern can name anything in this partition: its partition field must be able to
 * name the partition ("arn:*:" and "arn:aws*:" can name aws-cn, "arn:aws:" cannot), and a written
 * region field must name a partition region. A policy variable within those fields could stand for
 * anything, so such a value is assumed to be able to.
 */
final class PartitionArns {

    /** How the pattern is compared with ARNs: per ARN part, as one wildcard string, or exactly. */
    enum Mode { ARN_PARTS, WILDCARD, EXACT, EXACT_IGNORE_CASE }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    /** A resource type's resource part as a pattern, and whether its ARNs have an empty region field. */
    private record ResourceFormat(Glob resource, boolean regionless) {
    }

    private final PartitionFacts facts;
    private final String arnPrefix;
    /** By service field: built once, as every Resource value with a region asks about its service's formats. */
    private final Map<String, List<ResourceFormat>> formats = new ConcurrentHashMap<>();

    PartitionArns(PartitionFacts facts) {
        this.facts = facts;
        this.arnPrefix = "arn:" + facts.id() + ":";
    }

    /**
     * False only when no ARN of this partition can match the pattern; true for anything that is not an ARN. A
     * variable in the region field ("arn:aws:cloudtrail:${Region}:…") leaves the region open, not the partition
     * field before it.
     */
    boolean canName(String pattern, Mode mode) {
        if (PolicyVariables.hasVariablesInFirstFields(pattern, Arns.PARTITION + 1)) {
            return true;
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("arn:") || lower.length() <= 4) {
            return true;
        }
        boolean partition = switch (mode) {
            case ARN_PARTS -> byParts(pattern);
            case WILDCARD -> Glob.of(pattern).canMatchSomethingStartingWith(arnPrefix, false);
            case EXACT -> pattern.startsWith(arnPrefix);
            case EXACT_IGNORE_CASE -> lower.startsWith(arnPrefix);
        };
        return partition && regionField(pattern, mode).map(region -> !regionsNamedBy(region, mode).isEmpty()).orElse(true);
    }

    /** The "arn" and partition fields, per ARN part. */
    private boolean byParts(String pattern) {
        List<Glob> parts = Arns.fields(pattern);
        if (parts.size() < Arns.PARTS) {
            return Glob.of(pattern).canMatchSomethingStartingWith(arnPrefix, false);
        }
        return parts.get(0).matches("arn", false) && parts.get(Arns.PARTITION).matches(facts.id(), false);
    }

    /**
     * The region field where it decides what the pattern can name. Per ARN part it is its own field; compared
     * as one string, a wildcard or a variable's value in it or before it could span fields, so then it decides
     * nothing. Empty too for a pattern without six fields, and for an empty region field (global resources).
     */
    Optional<Glob> regionField(String pattern, Mode mode) {
        List<Glob> fields = Arns.fields(pattern);
        if (fields.size() < Arns.PARTS || !fields.get(0).text().equalsIgnoreCase("arn")
                || fields.get(Arns.REGION).text().isEmpty()) {
            return Optional.empty();
        }
        for (int i = mode == Mode.ARN_PARTS ? Arns.REGION : 0; i <= Arns.REGION; i++) {
            Glob field = fields.get(i);
            if (PolicyVariables.hasVariables(field.text()) || mode != Mode.ARN_PARTS && field.hasWildcards()) {
                return Optional.empty();
            }
        }
        return Optional.of(fields.get(Arns.REGION));
    }

    /** The regions a request here can name that a region field matches, compared as the mode compares. */
    List<String> regionsNamedBy(Glob region, Mode mode) {
        List<String> named = new ArrayList<>(1);
        for (String r : facts.requestRegions()) {
            if (region.matches(r, mode == Mode.EXACT_IGNORE_CASE)) {
                named.add(r);
            }
        }
        return named;
    }

    /**
     * Whether a Resource or NotResource pattern names no resource because of its region field: the field is written
     * without wildcard or variable and is not empty, while every resource type of its service that its resource part
     * can match has an ARN with an empty region field ("arn:aws-cn:s3:cn-north-1::logs": S3 bucket ARNs have none).
     * False wherever that is not certain: a variable anywhere, a wildcard in the service field, a service whose types
     * all have a region or that the formats do not know, a resource part that matches no type the formats list.
     */
    boolean regionFieldNamesNothing(String pattern) {
        return !PolicyVariables.hasVariables(pattern) && !ArnFields.regionFieldEmpty(pattern)
                && regionFieldNamesNothing(Arns.fields(pattern), false);
    }

    /**
     * The same for a value of a condition comparing ARNs as the mode compares. Compared as one string, a wildcard
     * in or before the region field could shift the fields, so that answers false, and one in the account field could
     * reach into the resource part, so then every resource type of the service must have no region. False for the
     * IgnoreCase operators: the formats are held against the value case-sensitively.
     */
    boolean regionFieldNamesNothing(String value, Mode mode) {
        if (mode == Mode.ARN_PARTS) {
            return regionFieldNamesNothing(value);
        }
        if (mode == Mode.EXACT_IGNORE_CASE || PolicyVariables.hasVariables(value)
                || ArnFields.regionFieldEmpty(value)) {
            return false;
        }
        List<Glob> fields = Arns.fields(value);
        if (fields.size() < Arns.PARTS) {
            return false;
        }
        if (mode == Mode.EXACT) {
            return regionFieldNamesNothing(fields, false); // a * is taken as written: the fields stay where they are
        }
        for (int i = 0; i <= Arns.REGION; i++) {
            if (fields.get(i).hasWildcards()) {
                return false;
            }
        }
        return regionFieldNamesNothing(fields, fields.get(Arns.ACCOUNT).hasWildcards());
    }

    private boolean regionFieldNamesNothing(List<Glob> fields, boolean anyResource) {
        if (fields.size() < Arns.PARTS || !fields.get(0).text().equals("arn")) {
            return false;
        }
        Glob service = fields.get(Arns.SERVICE);
        Glob region = fields.get(Arns.REGION);
        if (service.hasWildcards() || region.text().isEmpty() || region.hasWildcards()) {
            return false;
        }
        Glob resource = fields.get(Arns.RESOURCE);
        boolean regionless = false;
        for (ResourceFormat format : formats.computeIfAbsent(service.text(), this::resourceFormats)) {
            if (anyResource || resource.intersects(format.resource())) {
                if (!format.regionless()) {
                    return false;
                }
                regionless = true;
            }
        }
        return regionless;
    }

    /** The service's formats, each resource part a pattern: a ${Placeholder} may stand for any text, so it is a '*'. */
    private List<ResourceFormat> resourceFormats(String service) {
        return facts.arnFormats().formats(service).stream()
                .map(f -> new ResourceFormat(Glob.of(PLACEHOLDER.matcher(f.resource()).replaceAll("*")), f.region().isEmpty()))
                .toList();
    }

    /** Empty when the text is not an ARN; else whether its partition field can name this partition. */
    Optional<Boolean> partitionFieldCanName(String arn) {
        if (!arn.startsWith("arn:") || arn.length() <= 4) {
            return Optional.empty();
        }
        if (PolicyVariables.hasVariablesInFirstFields(arn, Arns.PARTITION + 1)) {
            return Optional.of(true);
        }
        List<Glob> fields = Arns.fields(arn);
        if (fields.size() <= Arns.PARTITION + 1) { // "arn:aws*": the partition field ends the text
            return Optional.of(Glob.of(arn).canMatchSomethingStartingWith(arnPrefix, false));
        }
        return Optional.of(fields.get(Arns.PARTITION).matches(facts.id(), false));
    }
}
