package io.github.scpauditor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.Request;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.report.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of the audit over generated SCPs built from the pieces real ones are made of (China and
 * foreign regions, arn:aws: and arn:aws-cn: ARNs, Bedrock, Control Tower names, typos).
 */
class AuditorProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Partition AWS_CN = Partition.of("aws-cn");
    private static final Auditor AUDITOR = new Auditor(AWS_CN, CheckContext.DEFAULT_SIZE_QUOTA);
    private static final Evaluator EVALUATOR = new Evaluator(AWS_CN);

    private static final List<String> ACTIONS = List.of("*", "iam:*", "bedrock:*", "bedrock:InvokeModel", "s3:GetObjekt",
            "organisations:*", "ec2:RunInstances", "ec2:Describe*", "chime:*", "organizations:*", "route53:*", "sts:*",
            "support:*", "s3:*", "controltower:*");
    private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::logs", "arn:aws-cn:s3:::logs",
            "arn:*:iam::*:role/Admin", "arn:aws:bedrock:*:*:foundation-model/x", "arn:aws-cn:ec2:us-east-1:*:instance/*",
            "arn:aws-cn:s3:::aws-controltower-logs/*");
    private static final List<String> REGIONS = List.of("cn-north-1", "cn-northwest-1", "us-east-1", "cn-*", "eu-*",
            "cn-north1", "*");
    private static final List<String> REGION_OPERATORS = List.of("StringEquals", "StringNotEquals", "StringLike",
            "StringNotLike", "StringNotEqualsIfExists");
    private static final List<String> PRINCIPALS = List.of("arn:aws:iam::*:role/AWSControlTowerExecution",
            "arn:aws-cn:iam::*:role/Admin", "arn:*:iam::*:role/BreakGlass", "arn:aws:iam::111122223333:root");
    private static final List<String> PRINCIPAL_OPERATORS = List.of("ArnNotLike", "ArnLike", "StringNotEquals");
    private static final List<String> SIDS = List.of("", "GRREGIONDENY", "Mine", "CTMULTISERVICEPV1");

    /**
     * Concrete requests of aws-cn: only to services it offers, global services in the region they are signed
     * for, the others in both regions.
     */
    private static final List<Request> REQUESTS = requests();

    @Test
    void everyFindingNamesItsElementOnceAndNoCheckFails() {
        qt().withExamples(200).forAll(policies()).checkAssert(text -> {
            List<Finding> findings = AUDITOR.audit(new PolicySource("generated.json", null, text));
            int statements = PolicyParser.parse(text).policy().statements().size();
            Set<String> seen = new HashSet<>();
            for (Finding f : findings) {
                assertThat(f.message()).doesNotContain("check failed on this policy");
                assertThat(f.pointer()).isNotNull();
                assertThat(f.line()).isPositive();
                assertThat(f.remediation()).isNotBlank();
                if (f.statement() != null) {
                    assertThat(f.statement().index()).isBetween(0, statements - 1);
                }
                assertThat(seen.add(f.checkId() + " " + f.pointer() + " " + f.message())).as("reported twice: %s", f).isTrue();
            }
        });
    }

    @Test
    void aDeadStatementMatchesNoConcreteRequestOfThePartition() {
        qt().withExamples(200).forAll(policies()).checkAssert(text -> {
            List<Statement> statements = PolicyParser.parse(text).policy().statements();
            for (Finding f : AUDITOR.audit(new PolicySource("generated.json", null, text))) {
                if (f.checkId().equals("DEAD_STATEMENT")) {
                    Statement dead = statements.stream().filter(s -> s.index() == f.statement().index()).findFirst().orElseThrow();
                    for (Request request : REQUESTS) {
                        assertThat(EVALUATOR.match(dead, request).matched()).as("%s matches %s", text, request).isFalse();
                    }
                }
            }
        });
    }

    @Test
    void aRegionLockoutsRegionConditionsSpareNoConcreteRequest() {
        qt().withExamples(200).forAll(policies()).checkAssert(text -> {
            List<Statement> statements = PolicyParser.parse(text).policy().statements();
            for (Finding f : AUDITOR.audit(new PolicySource("generated.json", null, text))) {
                if (f.checkId().equals("REGION_LOCKOUT")) {
                    Statement lockout = statements.stream().filter(s -> s.index() == f.statement().index()).findFirst().orElseThrow();
                    Statement withoutRegions = withConditions(lockout, lockout.conditions().stream()
                            .filter(c -> !c.key().equalsIgnoreCase("aws:RequestedRegion")).toList());
                    for (Request request : REQUESTS) {
                        if (EVALUATOR.match(withoutRegions, request).matched()) {
                            assertThat(EVALUATOR.match(lockout, request).matched()).as("%s spares %s", text, request).isTrue();
                        }
                    }
                }
            }
        });
    }

    @Test
    void aGlobalServiceDeniedMatchesAConcreteRequestToAGlobalServiceWhereItIsSigned() {
        qt().withExamples(200).forAll(policies()).checkAssert(text -> {
            List<Statement> statements = PolicyParser.parse(text).policy().statements();
            for (Finding f : AUDITOR.audit(new PolicySource("generated.json", null, text))) {
                if (f.checkId().equals("GLOBAL_SERVICE_DENIED")) {
                    Statement statement = statements.stream().filter(s -> s.index() == f.statement().index()).findFirst().orElseThrow();
                    Statement regionsOnly = withConditions(statement, statement.conditions().stream()
                            .filter(c -> c.key().equalsIgnoreCase("aws:RequestedRegion")).toList());
                    assertThat(REQUESTS).as("%s denies a global service", text).anyMatch(r ->
                            AWS_CN.signingRegion(r.action().substring(0, r.action().indexOf(':'))).isPresent()
                                    && EVALUATOR.match(regionsOnly, r).matched());
                }
            }
        });
    }

    private static Statement withConditions(Statement s, List<Condition> conditions) {
        return new Statement(s.index(), s.sid(), s.effect(), s.actions(), s.resources(), s.principal(), conditions, s.location());
    }

    @Test
    void chinaCorrectPoliciesComeOutClean() {
        qt().withExamples(200).forAll(chinaCorrectPolicies()).checkAssert(text ->
                assertThat(AUDITOR.audit(new PolicySource("china.json", null, text))).as(text).isEmpty());
    }

    /**
     * Policies written right for aws-cn: region-denies that allow some China regions and exempt every global
     * service signed outside them, one-China-region targets on regional services, arn:aws-cn: and arn:*: ARNs.
     */
    private static Gen<String> chinaCorrectPolicies() {
        List<String> regional = List.of("ec2:RunInstances", "ec2:*", "s3:PutBucketPolicy", "rds:*", "lambda:CreateFunction");
        List<String> arns = List.of("arn:aws-cn:iam::*:role/PlatformAdmin", "arn:*:iam::*:role/BreakGlass",
                "arn:aws-cn:iam::111122223333:role/Deployer");
        Gen<int[]> choices = Generate.intArrays(Generate.constant(6), Generate.range(0, 99));
        Gen<List<String>> actions = SourceDSL.lists().of(Generate.pick(regional)).ofSizeBetween(1, 3);
        Gen<List<String>> principals = SourceDSL.lists().of(Generate.pick(arns)).ofSizeBetween(0, 2);
        return choices.zip(actions, principals, (c, a, p) -> {
            ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
            ArrayNode statements = policy.putArray("Statement");
            List<String> allowed = switch (c[0] % 3) {
                case 0 -> List.of("cn-north-1");
                case 1 -> List.of("cn-northwest-1");
                default -> List.of("cn-north-1", "cn-northwest-1");
            };
            ObjectNode regionDeny = statements.addObject().put("Sid", "DenyOutsideChosenRegions").put("Effect", "Deny");
            ArrayNode notAction = regionDeny.putArray("NotAction");
            AWS_CN.globalServices().forEach((service, signedFor) -> {
                if (!allowed.contains(signedFor) || c[1] % 2 == 0) {
                    notAction.add(service + ":*");
                }
            });
            if (notAction.isEmpty()) {
                notAction.add("sts:*");
            }
            regionDeny.put("Resource", "*");
            ObjectNode condition = regionDeny.putObject("Condition");
            ArrayNode regions = condition.putObject(c[2] % 2 == 0 ? "StringNotEquals" : "StringNotEqualsIfExists")
                    .putArray("aws:RequestedRegion");
            allowed.forEach(regions::add);
            if (!p.isEmpty()) {
                ArrayNode exempt = condition.putObject("ArnNotLike").putArray("aws:PrincipalArn");
                p.forEach(exempt::add);
            }
            ObjectNode regional2 = statements.addObject().put("Effect", "Deny");
            ArrayNode regionalActions = regional2.putArray("Action");
            a.forEach(regionalActions::add);
            regional2.put("Resource", c[3] % 2 == 0 ? "*" : "arn:aws-cn:s3:::audit-logs/*");
            regional2.putObject("Condition").putObject(c[4] % 2 == 0 ? "StringEquals" : "StringLike")
                    .put("aws:RequestedRegion", c[4] % 2 == 0 ? "cn-northwest-1" : "cn-north-?");
            if (c[5] % 2 == 0) {
                statements.addObject().put("Effect", "Allow").put("Action", "*").put("Resource", "*");
            }
            return policy.toPrettyString();
        });
    }

    @Test
    void truncatedPoliciesAreReportedNotThrown() {
        qt().withExamples(200).forAll(policies(), SourceDSL.integers().between(0, 1_000)).checkAssert((text, cut) -> {
            String truncated = text.substring(0, Math.min(cut, text.length() - 1));
            List<Finding> findings = AUDITOR.audit(new PolicySource("truncated.json", null, truncated));
            assertThat(findings).extracting(Finding::checkId).contains("INVALID_POLICY");
        });
    }

    private static Gen<String> policies() {
        return SourceDSL.lists().of(statements()).ofSizeBetween(1, 3).map(list -> {
            ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
            ArrayNode array = policy.putArray("Statement");
            list.forEach(array::add);
            return policy.toPrettyString();
        });
    }

    private static Gen<ObjectNode> statements() {
        Gen<List<String>> actions = SourceDSL.lists().of(Generate.pick(ACTIONS)).ofSizeBetween(1, 4);
        Gen<List<String>> resources = SourceDSL.lists().of(Generate.pick(RESOURCES)).ofSizeBetween(0, 2);
        Gen<List<String>> regions = SourceDSL.lists().of(Generate.pick(REGIONS)).ofSizeBetween(0, 3);
        Gen<List<String>> principals = SourceDSL.lists().of(Generate.pick(PRINCIPALS)).ofSizeBetween(0, 2);
        Gen<int[]> choices = Generate.intArrays(Generate.constant(6), Generate.range(0, 99));
        return actions.zip(resources, regions, principals, choices, (a, r, g, p, c) -> {
            ObjectNode s = JSON.createObjectNode();
            String sid = SIDS.get(c[0] % SIDS.size());
            if (!sid.isEmpty()) {
                s.put("Sid", sid);
            }
            s.put("Effect", c[1] % 4 == 0 ? "Allow" : "Deny");
            ArrayNode actionArray = s.putArray(c[2] % 2 == 0 ? "Action" : "NotAction");
            a.forEach(actionArray::add);
            if (!r.isEmpty()) {
                ArrayNode resourceArray = s.putArray(c[3] % 5 == 0 ? "NotResource" : "Resource");
                r.forEach(resourceArray::add);
            }
            ObjectNode condition = JSON.createObjectNode();
            if (!g.isEmpty()) {
                ArrayNode values = condition.putObject(REGION_OPERATORS.get(c[4] % REGION_OPERATORS.size()))
                        .putArray("aws:RequestedRegion");
                g.forEach(values::add);
            }
            if (!p.isEmpty()) {
                ArrayNode values = condition.putObject(PRINCIPAL_OPERATORS.get(c[5] % PRINCIPAL_OPERATORS.size()))
                        .putArray("aws:PrincipalArn");
                p.forEach(values::add);
            }
            if (c[5] % 7 == 0) {
                condition.putObject("Null").put("bedrock:InferenceProfileArn", "false");
            }
            if (!condition.isEmpty()) {
                s.set("Condition", condition);
            }
            return s;
        });
    }

    private static List<Request> requests() {
        List<String> actions = new ArrayList<>(List.of("iam:CreateUser", "support:DescribeCases",
                "organizations:ListAccounts", "route53:ListHostedZones", "ec2:RunInstances", "ec2:DescribeInstances",
                "s3:GetObject", "s3:PutObject", "sts:AssumeRole", "controltower:EnableControl", "chime:CreateAccount"));
        // and an action of every global service, whatever the partition data lists
        AWS_CN.globalServices().keySet().forEach(g -> actions.add(g + ":" + AWS_CN.actions().actions(g).get(0)));
        List<String> resources = List.of("arn:aws-cn:s3:::logs", "arn:aws-cn:iam::111122223333:role/Admin",
                "arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1");
        List<String> principals = List.of("arn:aws-cn:iam::111122223333:role/Dev", "arn:aws-cn:iam::111122223333:role/Admin",
                "arn:aws-cn:iam::111122223333:role/AWSControlTowerExecution");
        List<Request> out = new ArrayList<>();
        for (String action : actions) {
            String service = action.substring(0, action.indexOf(':'));
            if (AWS_CN.offers(service) != Availability.YES) {
                continue;
            }
            List<String> regions = AWS_CN.signingRegion(service).map(List::of).orElse(AWS_CN.regions());
            for (String region : regions) {
                for (String resource : resources) {
                    for (String principal : principals) {
                        out.add(new Request(action, resource, principal,
                                Map.of("aws:RequestedRegion", List.of(region), "aws:PrincipalArn", List.of(principal))));
                    }
                }
            }
        }
        return out;
    }
}
