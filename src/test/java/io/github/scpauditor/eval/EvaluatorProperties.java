package io.github.scpauditor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.ParseResult;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The analysis never claims too much: a statement reach() calls dead, or that canMatch/regionRestriction
 * rule out for a service or region, matches no concrete request of aws-cn; a condition the analysis
 * decides (TRUE or FALSE) comes out the same on every such request its actions match; and matching is total.
 * Each example is a seed, so a failure names a reproducible statement and request.
 */
class EvaluatorProperties {
    private static final Partition CN = Partition.of("aws-cn");
    private static final Evaluator EVALUATOR = ChinaFixture.CN;

    private static final List<String> ACTIONS = List.of("*", "s3:*", "s3:Get*", "s3:GetObject", "bedrock:*", "bedrock:InvokeModel",
            "controltower:*", "iam:*", "iam:CreateRole", "iam:Get*", "organizations:*", "support:*", "ec2:Describe*", "ec2:RunInstances",
            "sts:*", "sts:AssumeRole", "cloudtrail:StopLogging", "*:Get*", "s?:*", "q:*", "route53:*", "cloudfront:*",
            "s3:GetObjekt", "ec2:*", "s3:CreateBucket");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::b/*", "arn:aws-cn:s3:::b/*", "arn:*:iam::*:role/*",
            "arn:aws-cn:ec2:us-east-1:*:instance/*", "arn:aws-cn:ec2:cn-north-1:*:instance/*", "arn:aws:iam::*:role/Admin",
            "arn:aws-cn:iam::111122223333:role/*", "arn:aws*:s3:::b/*", "arn:aws-cn:s3:::${aws:PrincipalTag/team}/*",
            "arn:aws-cn:ec2:CN-NORTH-1:*:instance/*", "arn:${aws:PrincipalTag/team}:ec2:cn-north-1:*:instance/*",
            // a region where the type has none (named nothing), a * region that matches the empty one, an access point
            "arn:aws-cn:s3:cn-north-1::b/*", "arn:aws-cn:iam:cn-north-1:*:role/*", "arn:aws-cn:s3:*::b/*",
            "arn:aws-cn:s3:cn-north-1:*:accesspoint/*");
    private static final List<String> REGION_VALUES = List.of("cn-north-1", "cn-northwest-1", "us-east-1", "us-east-2", "cn-*", "*",
            "CN-NORTH-1", "cn-north1");
    /** aws:RequestedRegion, and keys that carry the same region on some actions (RegionKeys). */
    private static final List<String> REGION_KEYS = List.of("aws:RequestedRegion", "aws:RequestedRegion", "ec2:Region",
            "s3:LocationConstraint");
    private static final List<String> REGION_OPERATORS = List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike",
            "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "ForAnyValue:StringEquals", "ForAllValues:StringNotEquals",
            "StringNotEqualsIfExists", "StringEqualsIfExists");
    private static final List<String> PRINCIPAL_VALUES = List.of("arn:aws:iam::*:role/Admin", "arn:aws-cn:iam::*:role/Admin",
            "arn:*:iam::*:role/Admin", "arn:aws-cn:iam::111122223333:role/Dev", "arn:aws:iam::111122223333:role/Dev",
            // a region where IAM ARNs have none: names no principal (the account wildcard too, compared as one string)
            "arn:aws-cn:iam:cn-north-1:*:role/Admin", "arn:aws-cn:iam:cn-north-1:111122223333:role/Dev");
    private static final List<String> PRINCIPAL_OPERATORS = List.of("ArnLike", "ArnNotLike", "ArnEquals", "StringLike", "StringNotLike",
            "StringEquals", "StringNotEquals", "ArnLikeIfExists", "ForAllValues:ArnLike", "ForAnyValue:ArnNotLike");
    private static final List<String> BEDROCK_CONDITIONS = List.of(
            "\"Null\": {\"bedrock:InferenceProfileArn\": \"false\"}", "\"Null\": {\"bedrock:InferenceProfileArn\": \"true\"}",
            "\"StringEquals\": {\"bedrock:ServiceTier\": \"priority\"}", "\"StringNotEquals\": {\"bedrock:ServiceTier\": \"priority\"}",
            "\"ArnNotLike\": {\"bedrock:InferenceProfileArn\": \"arn:aws:bedrock:*:*:*\"}",
            "\"ArnLike\": {\"bedrock:InferenceProfileArn\": \"arn:aws-cn:bedrock:*:*:*\"}",
            "\"StringEqualsIfExists\": {\"bedrock:ServiceTier\": \"priority\"}");
    private static final List<String> OTHER_CONDITIONS = List.of(
            "\"StringEquals\": {\"aws:PrincipalTag/team\": \"platform\"}", "\"Bool\": {\"aws:SecureTransport\": \"false\"}",
            "\"Null\": {\"aws:PrincipalTag/team\": \"true\"}", "\"Null\": {\"aws:RequestedRegion\": \"true\"}",
            "\"StringEquals\": {\"aws:RequestedRegion\": []}");
    private static final List<String> SERVICES = List.of("s3", "ec2", "iam", "organizations", "support", "sts", "cloudtrail", "route53",
            "cloudfront", "q", "kms", "lambda");

    private static final List<String> COVER_PATTERNS = List.of("*", "arn:aws-cn:iam::*:role/*",
            "arn:aws-cn:iam::*:role/Admin", "arn:aws-cn:iam::111122223333:role/Admin", "arn:*:iam::*:role/Admin*",
            "arn:aws*:iam::*:role/Admin", "arn:aws-cn:*", "arn:aws-cn:iam::*:role/Admin?",
            "arn:aws-cn:iam::*:role/Ad*n", "arn:aws-cn:*:*:*:*", "arn:aws-cn:s3:::b*", "arn:aws-cn:s3:::b/*",
            "ARN:AWS-CN:iam::*:role/Admin", "arn:aws-cn:logs:*:*:log-group:x", "arn:?ws-cn:iam::*:role/*",
            "arn:aws-cn:logs:cn-north-1:*:log-group:x", "arn:aws-cn:iam::*:role/${aws:username}");

    @Test
    void whatTheAnalysisRulesOutMatchesNoRequest() {
        AtomicInteger dead = new AtomicInteger();
        AtomicInteger matched = new AtomicInteger();
        AtomicInteger ruledOut = new AtomicInteger();
        AtomicInteger decided = new AtomicInteger();
        qt().withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            String json = randomStatement(rnd);
            Statement statement = parse(json);
            Reach reach = EVALUATOR.reach(statement);
            Map<String, TriBool> regions = EVALUATOR.regionRestriction(statement).map(RegionRestriction::byRegion).orElse(Map.of());
            if (reach.dead()) {
                dead.incrementAndGet();
            }
            for (int i = 0; i < 60; i++) {
                Request request = randomRequest(rnd);
                String service = request.action().substring(0, request.action().indexOf(':'));
                String region = request.context().get("aws:RequestedRegion").get(0);
                if (EVALUATOR.canMatch(statement, service, region) == TriBool.FALSE) {
                    ruledOut.incrementAndGet();
                }
                // The analysis answers for the requests the statement's actions match (ec2:Region: on EC2's).
                boolean actionMatches = ActionElement.matches(statement.actions(), request.action());
                List<ConditionVerdict> concrete = actionMatches ? EVALUATOR.conditions(statement, request) : List.of();
                for (ConditionVerdict actual : concrete) {
                    TriBool claimed = EVALUATOR.conditionInPartition(statement, actual.condition(), region).result();
                    if (claimed != TriBool.UNKNOWN) {
                        decided.incrementAndGet();
                        assertThat(actual.result()).as(json + "\n" + actual.condition() + " on " + request).isEqualTo(claimed);
                    }
                }
                if (!EVALUATOR.match(statement, request).matched()) {
                    continue;
                }
                matched.incrementAndGet();
                String why = json + "\nmatches " + request;
                assertThat(reach.dead()).as(why).isFalse();
                assertThat(EVALUATOR.canMatch(statement, service, region)).as(why).isNotEqualTo(TriBool.FALSE);
                assertThat(regions.getOrDefault(region, TriBool.TRUE)).as(why).isNotEqualTo(TriBool.FALSE);
            }
        });
        // the generators must produce both sides, or the property proves nothing
        assertThat(dead.get()).isGreaterThan(400);
        assertThat(ruledOut.get()).isGreaterThan(30_000);
        assertThat(matched.get()).isGreaterThan(4_000);
        assertThat(decided.get()).isGreaterThan(20_000);
    }

    /** The same for statements whose actions all carry a region key: its verdicts hold on each of their requests. */
    @Test
    void regionKeysDecideOnlyWhatEveryRequestOfTheStatementAgreesOn() {
        AtomicInteger decided = new AtomicInteger();
        qt().withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            String action = pick(rnd, List.of("ec2:*", "ec2:RunInstances", "s3:CreateBucket"));
            Map<String, List<String>> blocks = new LinkedHashMap<>();
            for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
                blocks.computeIfAbsent(pick(rnd, REGION_OPERATORS), k -> new ArrayList<>())
                        .add("\"" + pick(rnd, REGION_KEYS) + "\": " + someOf(rnd, REGION_VALUES, rnd.nextInt(4)));
            }
            String json = "\"Effect\": \"Deny\", \"Action\": \"" + action + "\", \"Resource\": \"*\", \"Condition\": {"
                    + blocks.entrySet().stream().map(e -> "\"" + e.getKey() + "\": {" + e.getValue().stream()
                            .collect(Collectors.toMap(kv -> kv.substring(0, kv.indexOf("\":") + 1), kv -> kv,
                                    (a, b) -> a, LinkedHashMap::new))
                            .values().stream().collect(Collectors.joining(", ")) + "}")
                            .collect(Collectors.joining(", ")) + "}";
            Statement statement = parse(json);
            Map<String, TriBool> regions = EVALUATOR.regionRestriction(statement).map(RegionRestriction::byRegion)
                    .orElse(Map.of());
            for (String region : CN.regions()) {
                Map<String, List<String>> context = new LinkedHashMap<>();
                context.put("aws:RequestedRegion", List.of(region));
                String requested = action.equals("ec2:*") ? "ec2:DescribeInstances" : action;
                if (requested.startsWith("ec2:")) {
                    context.put("ec2:Region", List.of(region));
                } else if (rnd.nextBoolean()) {
                    context.put("s3:LocationConstraint", List.of(region));
                }
                Request request = new Request(requested, "*", "arn:aws-cn:iam::111122223333:role/Dev", context);
                for (ConditionVerdict actual : EVALUATOR.conditions(statement, request)) {
                    TriBool claimed = EVALUATOR.conditionInPartition(statement, actual.condition(), region).result();
                    if (claimed != TriBool.UNKNOWN) {
                        decided.incrementAndGet();
                        assertThat(actual.result()).as(json + "\non " + request).isEqualTo(claimed);
                    }
                }
                if (EVALUATOR.match(statement, request).matched()) {
                    assertThat(EVALUATOR.reach(statement).dead()).as(json + "\nmatches " + request).isFalse();
                    assertThat(regions.getOrDefault(region, TriBool.TRUE)).as(json + "\nmatches " + request)
                            .isNotEqualTo(TriBool.FALSE);
                }
            }
        });
        assertThat(decided.get()).isGreaterThan(2_000);
    }

    /** covers() is sound: where it says a value covers another, every value the other matches it matches too. */
    @Test
    void aCoveringValueMatchesEverythingTheCoveredOneMatches() {
        List<String> operators = List.of("-", "ArnLike", "ArnNotEquals", "StringLike", "StringNotEquals",
                "StringEqualsIgnoreCase");
        AtomicInteger covered = new AtomicInteger();
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            String pattern = pick(rnd, COVER_PATTERNS);
            String named = pick(rnd, COVER_PATTERNS);
            String operator = pick(rnd, operators);
            ConditionOperator op = operator.equals("-") ? null : ConditionOperator.byName(operator).orElseThrow();
            if (!EVALUATOR.covers(pattern, named, op)) {
                return;
            }
            covered.incrementAndGet();
            ConditionOperator compare = op == null ? ConditionOperator.ARN_LIKE : op;
            for (int i = 0; i < 40; i++) {
                String value = instance(rnd, named);
                if (ConditionEvaluator.valueMatches(compare, value, named)) {
                    assertThat(ConditionEvaluator.valueMatches(compare, value, pattern))
                            .as(operator + ": " + pattern + " covers " + named + ", yet not " + value).isTrue();
                }
            }
        });
        assertThat(covered.get()).isGreaterThan(300);
    }

    /** A value the pattern may match: each '*' replaced by a short run (colons included), each '?' by a character. */
    private static String instance(Random rnd, String pattern) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            out.append(switch (c) {
                case '*' -> pick(rnd, List.of("", "a", "Admin", "aws-cn", "x:y", "b/c", "*"));
                case '?' -> pick(rnd, List.of("a", "n", ":", "?"));
                default -> String.valueOf(c);
            });
        }
        return rnd.nextInt(5) == 0 ? out.toString().toLowerCase(Locale.ROOT) : out.toString();
    }

    @Test
    void matchingNeverThrows() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            String json = oddStatement(rnd);
            ParseResult parsed = PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{" + json + "}]}");
            Map<String, List<String>> context = new LinkedHashMap<>();
            for (String key : List.of("aws:SourceIp", "aws:CurrentTime", "s3:max-keys", "aws:SecureTransport", "aws:TagKeys", "k")) {
                if (rnd.nextBoolean()) {
                    context.put(key, List.of(oddValue(rnd), oddValue(rnd)).subList(0, rnd.nextInt(3)));
                }
            }
            Request request = new Request(rnd.nextBoolean() ? oddValue(rnd) : null, rnd.nextBoolean() ? oddValue(rnd) : null,
                    rnd.nextBoolean() ? oddValue(rnd) : null, context);
            for (Statement s : parsed.policy().statements()) {
                assertThatCode(() -> {
                    EVALUATOR.match(s, request);
                    EVALUATOR.reach(s);
                    EVALUATOR.regionRestriction(s);
                    EVALUATOR.canMatch(s, "iam", "cn-north-1");
                }).as(json).doesNotThrowAnyException();
            }
        });
    }

    // ---- statements ----

    private static String randomStatement(Random rnd) {
        StringBuilder json = new StringBuilder("\"Effect\": \"Deny\", ");
        json.append(rnd.nextInt(3) == 0 ? "\"NotAction\": " : "\"Action\": ").append(someOf(rnd, ACTIONS, 1 + rnd.nextInt(4)));
        int resources = rnd.nextInt(5);
        if (resources == 1) {
            json.append(", \"NotResource\": ").append(someOf(rnd, RESOURCES, 1 + rnd.nextInt(2)));
        } else if (resources > 1) {
            json.append(", \"Resource\": ").append(someOf(rnd, RESOURCES, 1 + rnd.nextInt(3)));
        }
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        int conditions = rnd.nextInt(4);
        for (int i = 0; i < conditions; i++) {
            switch (rnd.nextInt(4)) {
                case 0 -> blocks.computeIfAbsent(pick(rnd, REGION_OPERATORS), k -> new ArrayList<>())
                        .add("\"" + pick(rnd, REGION_KEYS) + "\": " + someOf(rnd, REGION_VALUES, rnd.nextInt(4)));
                case 1 -> blocks.computeIfAbsent(pick(rnd, PRINCIPAL_OPERATORS), k -> new ArrayList<>())
                        .add("\"aws:PrincipalArn\": " + someOf(rnd, PRINCIPAL_VALUES, 1 + rnd.nextInt(2)));
                case 2 -> addBlock(blocks, pick(rnd, BEDROCK_CONDITIONS));
                default -> addBlock(blocks, pick(rnd, OTHER_CONDITIONS));
            }
        }
        if (!blocks.isEmpty()) {
            json.append(", \"Condition\": {").append(blocks.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": {" + e.getValue().stream().distinct()
                            .collect(Collectors.toMap(kv -> kv.substring(0, kv.indexOf("\":") + 1), kv -> kv, (a, b) -> a, LinkedHashMap::new))
                            .values().stream().collect(Collectors.joining(", ")) + "}")
                    .collect(Collectors.joining(", "))).append("}");
        }
        return json.toString();
    }

    private static void addBlock(Map<String, List<String>> blocks, String operatorAndKey) {
        int colon = operatorAndKey.indexOf(": {");
        String operator = operatorAndKey.substring(1, colon - 1);
        blocks.computeIfAbsent(operator, k -> new ArrayList<>()).add(operatorAndKey.substring(colon + 3, operatorAndKey.length() - 1));
    }

    private static Statement parse(String members) {
        ParseResult parsed = PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [{" + members + "}]}");
        assertThat(parsed.problems()).as(members).isEmpty();
        return parsed.policy().statements().get(0);
    }

    // ---- requests that can happen in aws-cn ----

    /**
     * A request of the partition: an action of an offered (or possibly offered) service, the region a
     * request to it names (a global service's signing region), a resource and principal of the partition,
     * ec2:Region and s3:LocationConstraint (CreateBucket, or absent) as RegionKeys has them, no key of a service
     * the partition lacks, and a random rest of the context.
     */
    private static Request randomRequest(Random rnd) {
        String service = pick(rnd, SERVICES);
        assertThat(CN.offers(service)).isNotEqualTo(Availability.NO);
        List<String> actions = CN.actions().actions(service);
        String action = service.equals("s3") && rnd.nextInt(4) == 0 ? "s3:CreateBucket"
                : service + ":" + (actions.isEmpty() ? "DoSomething" : actions.get(rnd.nextInt(actions.size())));
        String region = CN.signingRegion(service).orElse(pick(rnd, CN.regions()));
        String account = rnd.nextBoolean() ? "111122223333" : "444455556666";
        String resource = switch (rnd.nextInt(6)) {
            case 0 -> "*";
            case 1 -> "arn:aws-cn:s3:::b/" + rnd.nextInt(3);
            case 2 -> "arn:aws-cn:ec2:" + region + ":" + account + ":instance/i-" + rnd.nextInt(3);
            case 3 -> "arn:aws-cn:iam::" + account + ":role/Admin";
            case 4 -> "arn:aws-cn:s3:" + region + ":" + account + ":accesspoint/b";
            default -> "arn:aws-cn:s3:::platform/x";
        };
        String principal = "arn:aws-cn:iam::" + account + ":role/" + (rnd.nextBoolean() ? "Admin" : "Dev");
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put("aws:RequestedRegion", List.of(region));
        if (service.equals("ec2")) {
            context.put("ec2:Region", List.of(region));
        }
        if (action.equals("s3:CreateBucket") && rnd.nextBoolean()) {
            context.put("s3:LocationConstraint", List.of(region)); // the new bucket's region, or left out
        }
        if (rnd.nextBoolean()) {
            context.put("aws:PrincipalTag/team", List.of(rnd.nextBoolean() ? "platform" : "data"));
        }
        if (rnd.nextBoolean()) {
            context.put("aws:SecureTransport", List.of(String.valueOf(rnd.nextBoolean())));
        }
        return new Request(action, resource, principal, context);
    }

    // ---- odd input for totality ----

    private static final List<String> ODD = List.of("", "*", "?", "${", "${}", "${*}", "${aws:x", "${aws:x, 'd'}", "arn:", "arn:aws",
            "arn:aws-cn:s3:::b", "::::::", "10.0.0.0/33", "10.0.0.1", "::1", "2001:db8::/129", "1e999", "-0", "NaN", "2026-13-45",
            "99999999999999999999", "true", "QUJD", "====", "üñí", "a:b:c:d:e:f:g:h", " ", "localhost", "[::1]", "0x10");

    private static String oddValue(Random rnd) {
        if (rnd.nextInt(4) == 0) {
            StringBuilder s = new StringBuilder();
            for (int i = rnd.nextInt(8); i > 0; i--) {
                s.append((char) (32 + rnd.nextInt(95)));
            }
            return s.toString();
        }
        return pick(rnd, ODD);
    }

    private static String oddStatement(Random rnd) {
        ConditionOperator op = ConditionOperator.values()[rnd.nextInt(ConditionOperator.values().length)];
        String qualifier = List.of("", "ForAllValues:", "ForAnyValue:").get(rnd.nextInt(3));
        String ifExists = op != ConditionOperator.NULL && rnd.nextBoolean() ? "IfExists" : "";
        String key = List.of("aws:SourceIp", "aws:CurrentTime", "s3:max-keys", "aws:SecureTransport", "aws:TagKeys", "k", "bedrock:x",
                "aws:RequestedRegion", "aws:PrincipalArn").get(rnd.nextInt(9));
        List<String> values = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            values.add(oddValue(rnd));
        }
        return "\"Effect\": \"" + (rnd.nextBoolean() ? "Allow" : "Deny") + "\", \"" + (rnd.nextBoolean() ? "Action" : "NotAction") + "\": "
                + quoted(List.of(rnd.nextBoolean() ? pick(rnd, ACTIONS) : "s3:" + oddValue(rnd).replace(":", ""))) + ", \""
                + (rnd.nextBoolean() ? "Resource" : "NotResource") + "\": " + quoted(List.of(oddValue(rnd)))
                + ", \"Condition\": {\"" + qualifier + op.json() + ifExists + "\": {\"" + key + "\": " + quoted(values) + "}}";
    }

    // ---- helpers ----

    private static String pick(Random rnd, List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static String someOf(Random rnd, List<String> from, int n) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String v = pick(rnd, from);
            if (!chosen.contains(v)) {
                chosen.add(v);
            }
        }
        return quoted(chosen);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
