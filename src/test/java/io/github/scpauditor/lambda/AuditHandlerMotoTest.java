package io.github.scpauditor.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.org.OrgAuditor;
import io.github.scpauditor.org.OrgReader;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.publish.SnsPublisher;
import io.github.scpauditor.template.SamTemplate;
import io.github.scpauditor.testsupport.Moto;
import io.github.scpauditor.testsupport.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * End to end against moto: a real organisation (OUs, accounts, SCPs attached at several levels) read with
 * the real OrgReader, audited by the real checks, published to an SNS topic, and read back from SQS
 * queues subscribed the way DEPLOY.md tells subscribers to (filter policies on {@code kind}).
 */
@ExtendWith(MotoServer.class)
class AuditHandlerMotoTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Region REGION = Region.CN_NORTHWEST_1;

    private final Set<String> calls = new ConcurrentSkipListSet<>();
    private OrganizationsClient organizations;
    private SnsClient sns;
    private SqsClient sqs;

    @BeforeEach
    void clients(Moto moto) {
        moto.reset();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                // The SDK's service names of these two clients (Organizations, Sns) are their IAM prefixes in other case.
                String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
                calls.add(service + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        organizations = moto.client(OrganizationsClient.builder().overrideConfiguration(c -> c.addExecutionInterceptor(recorder)), REGION);
        sns = moto.client(SnsPublisher.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(recorder)), REGION);
        sqs = moto.client(SqsClient.builder(), REGION);
    }

    @Test
    void aScheduledRunPublishesTheFindingsOfTheWholeOrganisation() throws Exception {
        Org org = buildOrganisation();
        String topic = sns.createTopic(r -> r.name("scp-auditor-findings")).topicArn();
        String reports = subscribedQueue(topic, "report-subscriber", "{\"kind\": [\"report\"]}");
        String people = subscribedQueue(topic, "email-like-subscriber", "{\"kind\": [\"summary\", \"alert\"]}");
        calls.clear();

        AuditHandler handler = new AuditHandler(new Settings(topic, "en", true, 10_240), new OrgReader(organizations)::read,
                new OrgAuditor(new Auditor(Partition.of("aws-cn"), 10_240))::audit, sns);
        TestContext context = new TestContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/scheduled.json"))), out, context);

        List<Message> reportMessages = receiveAll(reports);
        assertThat(reportMessages).hasSize(1);
        JsonNode report = MAPPER.readTree(reportMessages.get(0).body());
        assertThat(report.path("organizationId").asText()).isEqualTo(org.id);
        assertThat(report.path("part").path("of").asInt()).isEqualTo(1);
        assertThat(report.path("errors")).isEmpty();
        assertThat(findings(report)).containsExactlyInAnyOrder(
                tuple("REGION_LOCKOUT", "DenyOutsideUsRegions (" + org.regionDeny + ")", 0),
                tuple("REGION_NOT_IN_PARTITION", "DenyOutsideUsRegions (" + org.regionDeny + ")", 0),
                tuple("REGION_NOT_IN_PARTITION", "DenyOutsideUsRegions (" + org.regionDeny + ")", 0),
                tuple("CONTROL_TOWER_ARTIFACT", "DenyOutsideUsRegions (" + org.regionDeny + ")", 0),
                // One finding for the Bedrock-only guardrail: DEAD_STATEMENT says its service is absent.
                tuple("DEAD_STATEMENT", "DenyBedrockModels (" + org.bedrock + ")", 0),
                tuple("FOREIGN_PARTITION_ARN", "DenyLeavingWithBreakGlass (" + org.exemption + ")", 0),
                tuple("UNATTACHED_POLICY", "OldGuardrail (" + org.unattached + ")", -1));
        JsonNode lockout = finding(report, "REGION_LOCKOUT");
        assertThat(lockout.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(lockout.path("exposure").path("targets").get(0).path("id").asText()).isEqualTo(org.workloadsOu);
        assertThat(lockout.path("exposure").path("activeAccounts").asInt()).isEqualTo(2);
        assertThat(reportMessages.get(0).messageAttributes().get("kind").stringValue()).isEqualTo("report");
        assertThat(reportMessages.get(0).messageAttributes().get("critical").stringValue())
                .isEqualTo(report.path("summary").path("bySeverity").path("CRITICAL").asText());

        List<Message> summaries = receiveAll(people);
        assertThat(summaries).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("summary");
            assertThat(m.body()).startsWith("scp-auditor report for organisation " + org.id + " (aws-cn)\n")
                    .contains("Region-deny and Bedrock findings").contains("REGION_LOCKOUT");
        });

        // Everything the run called is granted by template.yaml, and everything granted was called.
        assertThat(calls).isNotEmpty();
        assertThat(SamTemplate.grantedActions(SamTemplate.load())).isEqualTo(calls);
        assertThat(MAPPER.readTree(context.logLines.get(0)).path("outcome").asText()).isEqualTo("ok");
        assertThat(MAPPER.readTree(out.toByteArray()).path("organizationId").asText()).isEqualTo(org.id);
    }

    @Test
    void scpsDisabledOnTheRootIsAFindingNotAFailure() throws Exception {
        String id = organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization().id();
        scp("DenyLeaving", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization",
                 "Resource": "*"}]}""", null);
        String topic = sns.createTopic(r -> r.name("scp-auditor-findings")).topicArn();
        String reports = subscribedQueue(topic, "report-subscriber", "{\"kind\": [\"report\"]}");

        invoke(topic, new TestContext());

        JsonNode report = MAPPER.readTree(receiveAll(reports).get(0).body());
        assertThat(report.path("organizationId").asText()).isEqualTo(id);
        assertThat(finding(report, "POLICY_TYPE_DISABLED").path("severity").asText()).isEqualTo("HIGH");
    }

    @Test
    void aRunOutOfTimePublishesWhatItReadAsPartialAndFails() throws Exception {
        Org org = buildOrganisation();
        for (int i = 0; i < 20; i++) {
            scp("Guardrail" + i, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\","
                    + " \"Resource\": \"*\"}]}", org.root);
        }
        String topic = sns.createTopic(r -> r.name("scp-auditor-findings")).topicArn();
        String reports = subscribedQueue(topic, "report-subscriber", "{\"kind\": [\"report\"]}");

        // 5 s beyond OrgReader's 30 s reserve, running out: 25 SCPs at DescribePolicy's 2 per second need over 12.
        long deadline = System.currentTimeMillis() + 35_000;
        assertThatThrownBy(() -> invoke(topic, new TestContext(() -> (int) (deadline - System.currentTimeMillis()))))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("INCOMPLETE: the report is partial");

        List<Message> published = receiveAll(reports);
        assertThat(published).isNotEmpty();
        assertThat(published.get(0).messageAttributes().get("complete").stringValue()).isEqualTo("false");
        JsonNode report = MAPPER.readTree(published.get(0).body());
        assertThat(report.path("organizationId").asText()).isNotEmpty();
        List<String> notRead = new ArrayList<>();
        report.path("incomplete").path("notRead").forEach(n -> notRead.add(n.asText()));
        assertThat(notRead).isNotEmpty().allMatch(p -> p.contains("p-"));
    }

    private void invoke(String topic, TestContext context) throws java.io.IOException {
        AuditHandler handler = new AuditHandler(new Settings(topic, "en", true, 10_240), new OrgReader(organizations)::read,
                new OrgAuditor(new Auditor(Partition.of("aws-cn"), 10_240))::audit, sns);
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/scheduled.json"))),
                new ByteArrayOutputStream(), context);
    }

    /** Ids of what {@link #buildOrganisation} made. */
    private record Org(String id, String root, String workloadsOu, String regionDeny, String bedrock, String exemption,
            String unattached) {
    }

    /**
     * Root (SCPs enabled) → OU Workloads (two accounts) ; the management account at the root.
     * SCPs: a region-deny allowing only us regions on the OU, a Bedrock deny on the root, an arn:aws:
     * exemption on one account, and one attached nowhere.
     */
    private Org buildOrganisation() {
        String id = organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization().id();
        String root = organizations.listRoots().roots().get(0).id();
        organizations.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
        String ou = organizations.createOrganizationalUnit(r -> r.parentId(root).name("Workloads")).organizationalUnit().id();
        List<String> accounts = new ArrayList<>();
        for (String name : List.of("workload-a", "workload-b")) {
            String account = organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                    .createAccountStatus().accountId();
            organizations.moveAccount(r -> r.accountId(account).sourceParentId(root).destinationParentId(ou));
            accounts.add(account);
        }
        String regionDeny = scp("DenyOutsideUsRegions", """
                {"Version": "2012-10-17", "Statement": [{"Sid": "GRREGIONDENY", "Effect": "Deny",
                 "NotAction": ["iam:*", "organizations:*", "support:*"], "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "us-west-2"]}}}]}""", ou);
        String bedrock = scp("DenyBedrockModels", """
                {"Version": "2012-10-17", "Statement": [{"Sid": "DenyBedrock", "Effect": "Deny",
                 "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"], "Resource": "*"}]}""", root);
        String exemption = scp("DenyLeavingWithBreakGlass", """
                {"Version": "2012-10-17", "Statement": [{"Sid": "DenyLeaving", "Effect": "Deny",
                 "Action": "organizations:LeaveOrganization", "Resource": "*",
                 "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}]}""", accounts.get(0));
        String unattached = scp("OldGuardrail", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}""",
                null);
        return new Org(id, root, ou, regionDeny, bedrock, exemption, unattached);
    }

    private String scp(String name, String content, String target) {
        String id = organizations.createPolicy(r -> r.name(name).description(name).content(content)
                .type(PolicyType.SERVICE_CONTROL_POLICY)).policy().policySummary().id();
        if (target != null) {
            organizations.attachPolicy(r -> r.policyId(id).targetId(target));
        }
        return id;
    }

    private String subscribedQueue(String topic, String name, String filterPolicy) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy)));
        return url;
    }

    private List<Message> receiveAll(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }

    private static List<org.assertj.core.groups.Tuple> findings(JsonNode report) {
        List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(tuple(f.path("checkId").asText(), f.path("source").asText(),
                f.has("statement") ? f.path("statement").path("index").asInt() : -1)));
        return out;
    }

    private static JsonNode finding(JsonNode report, String checkId) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("checkId").asText().equals(checkId)) {
                return f;
            }
        }
        throw new AssertionError("no " + checkId + " in " + report);
    }
}
