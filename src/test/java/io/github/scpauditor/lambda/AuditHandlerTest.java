package io.github.scpauditor.lambda;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.scpauditor.org.OrgRead;
import io.github.scpauditor.org.OrgReadException;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.publish.SnsWire;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Exposure;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import io.github.scpauditor.report.StatementRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handler invoked as the Lambda Java runtime invokes a stream handler: the raw bytes of an event file
 * from events/, a Context with a remaining-time clock, the result read back from the output stream.
 * The organisation and the audit are stand-ins here; AuditHandlerMotoTest runs the real ones.
 */
class AuditHandlerTest {

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORG = "o-a1b2c3d4e5";
    private static final Settings SETTINGS = new Settings(SnsWire.TOPIC_ARN, "en", true, 10_240);

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong remainingSeenByReader = new AtomicLong(-1);

    @Test
    void theScheduledEventIsWhatEventBridgeSends() {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled.json");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getResources()).singleElement().asString().startsWith("arn:aws-cn:events:cn-north-1:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"events/scheduled.json", "events/on-demand.json", "events/on-demand-options.json"})
    void everyShippedEventIsOneTheHandlerAccepts(String file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventLoader.loadEvent(file, Map.class);
        Invocation invocation = Invocation.parse(MAPPER.valueToTree(event), SETTINGS);
        assertThat(invocation.trigger()).isEqualTo(file.contains("scheduled") ? Invocation.Trigger.SCHEDULED : Invocation.Trigger.ON_DEMAND);
        try (var files = Files.list(Path.of("events"))) {
            assertThat(files.map(f -> "events/" + f.getFileName())).containsExactlyInAnyOrder(
                    "events/scheduled.json", "events/on-demand.json", "events/on-demand-options.json");
        }
    }

    @Test
    void aScheduledRunAuditsEverythingAndPublishesSummaryAndReport() throws Exception {
        SnsWire.acceptEverything(sns);
        TestContext context = new TestContext();

        JsonNode result = invoke(handler(SETTINGS, organisation(null)), "events/scheduled.json", context);

        assertThat(result.path("organizationId").asText()).isEqualTo(ORG);
        assertThat(checkIds(result)).containsExactly("REGION_LOCKOUT", "UNKNOWN_ACTION");
        List<SnsWire.Published> published = SnsWire.published(sns);
        assertThat(published).extracting(p -> p.attributes().get("kind")).containsExactly("summary", "report");
        assertThat(published.get(0).subject()).isEqualTo("scp-auditor o-a1b2c3d4e5: 1 CRITICAL, 1 LOW");
        assertThat(published.get(0).message()).startsWith("scp-auditor report for organisation o-a1b2c3d4e5 (aws-cn)\n");
        assertThat(checkIds(MAPPER.readTree(published.get(1).message()))).containsExactly("REGION_LOCKOUT", "UNKNOWN_ACTION");
        assertThat(remainingSeenByReader.get()).isEqualTo(900_000);

        JsonNode runLine = MAPPER.readTree(context.logLines.get(0));
        assertThat(runLine.path("message").asText()).isEqualTo("scp-auditor run");
        assertThat(runLine.path("outcome").asText()).isEqualTo("ok");
        assertThat(runLine.path("invocation").path("trigger").asText()).isEqualTo("SCHEDULED");
        assertThat(runLine.path("findings").asInt()).isEqualTo(2);
        assertThat(runLine.path("published").path("messages").asInt()).isEqualTo(2);
        assertThat(runLine.path("api").toString()).isEqualTo("{\"calls\":37,\"throttles\":3}");
        assertThat(runLine.path("millis").has("read")).isTrue();
        assertThat(runLine.path("millis").has("publish")).isTrue();
        assertThat(runLine.path("millis").has("total")).isTrue();

        JsonNode emf = MAPPER.readTree(context.logLines.get(1));
        JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("ScpAuditor");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"FunctionName\"]]");
        assertThat(emf.path("FunctionName").asText()).isEqualTo(TestContext.FUNCTION);
        assertThat(emf.path("FindingsCritical").asInt()).isEqualTo(1);
        assertThat(emf.path("FindingsLow").asInt()).isEqualTo(1);
        assertThat(emf.path("FindingsHigh").asInt()).isZero();
        assertThat(emf.path("ApiThrottles").asInt()).isEqualTo(3);
        assertThat(emf.path("ApiCalls").asInt()).isEqualTo(37);
        List<String> declared = new ArrayList<>();
        directive.path("Metrics").forEach(m -> declared.add(m.path("Name").asText()));
        assertThat(declared).contains("FindingsCritical", "FindingsHigh", "FindingsMedium", "FindingsLow", "FindingsInfo",
                "ReadErrors", "PoliciesNotRead", "ApiCalls", "ApiThrottles");
        declared.forEach(name -> assertThat(emf.has(name)).as(name).isTrue());
    }

    @Test
    void anOnDemandRunAnswersWithTheReportAndPublishesNothing() throws Exception {
        JsonNode result = invoke(handler(SETTINGS, organisation(null)), "events/on-demand.json", new TestContext());

        assertThat(checkIds(result)).containsExactly("REGION_LOCKOUT", "UNKNOWN_ACTION");
        assertThat(result.path("summary").path("policies").asInt()).isEqualTo(2);
        assertThat(result.has("part")).isFalse();
        assertThat(SnsWire.publishAttempts(sns)).isZero();
    }

    @Test
    void onDemandOptionsSelectPoliciesSeverityLanguageAndPublishing() throws Exception {
        SnsWire.acceptEverything(sns);

        JsonNode result = invoke(handler(SETTINGS, organisation(null)), "events/on-demand-options.json", new TestContext());

        assertThat(checkIds(result)).containsExactly("REGION_LOCKOUT");
        assertThat(result.path("summary").path("policies").asInt()).isEqualTo(1);
        assertThat(result.path("errors").toString()).isEqualTo(
                "[{\"source\":\"p-examplescp2\",\"message\":\"no service control policy with this id in organisation o-a1b2c3d4e5\"}]");
        List<SnsWire.Published> published = SnsWire.published(sns);
        assertThat(published).hasSize(2);
        assertThat(published.get(0).message()).startsWith("scp-auditor 审计报告：组织 o-a1b2c3d4e5（aws-cn）\n");
        assertThat(published.get(0).subject()).isEqualTo("scp-auditor o-a1b2c3d4e5: 1 CRITICAL; 1 error");
    }

    @Test
    void unknownOptionsAreAnErrorNamingThemAndNothingIsRead() {
        AuditHandler handler = handler(SETTINGS, organisation(null));
        TestContext context = new TestContext();

        assertThatThrownBy(() -> invoke(handler, "{\"publish\": true, \"minSeverty\": \"HIGH\", \"dryRun\": 1}", context))
                .isInstanceOf(Invocation.InvalidEventException.class)
                .hasMessage("unknown option(s) dryRun, minSeverty; an on-demand event may carry only publish, minSeverity,"
                        + " policyIds, locale, and a scheduled event needs \"source\": \"aws.events\" and \"detail-type\":"
                        + " \"Scheduled Event\"");
        assertThat(reads.get()).isZero();
        assertThat(SnsWire.publishAttempts(sns)).isZero();
        assertThat(context.logLines).singleElement().asString().contains("\"level\":\"ERROR\"").contains("minSeverty");
    }

    @Test
    void anEventThatIsNotJsonIsRejectedInPlainWordsWithItsPlace() {
        TestContext context = new TestContext();

        assertThatThrownBy(() -> invoke(handler(SETTINGS, organisation(null)), "{\"publish\": true,}", context))
                .isInstanceOf(Invocation.InvalidEventException.class)
                .hasMessage("the event is not JSON: a trailing comma before }: JSON allows no comma after the last entry"
                        + " (line 1, column 18)");
        assertThat(reads.get()).isZero();
        assertThat(context.logLines).singleElement().asString().contains("\"level\":\"ERROR\"").contains("trailing comma");
    }

    @Test
    void badOptionValuesAreNamedToo() {
        assertThatThrownBy(() -> invoke(handler(SETTINGS, organisation(null)),
                "{\"publish\": \"yes\", \"minSeverity\": \"SEVERE\", \"policyIds\": [], \"locale\": \"fr\"}", new TestContext()))
                .isInstanceOf(Invocation.InvalidEventException.class)
                .hasMessage("invalid option(s): publish must be true or false; minSeverity must be one of [CRITICAL, HIGH,"
                        + " MEDIUM, LOW, INFO], not \"SEVERE\"; policyIds must be a non-empty array of policy ids such as"
                        + " [\"p-examplescp1\"]; locale: unsupported locale \"fr\"; supported: en, zh-CN");
    }

    @Test
    void whenTimeRunsOutThePartialReportIsPublishedAndTheInvocationFails() throws Exception {
        SnsWire.acceptEverything(sns);
        Report.Incomplete incomplete = new Report.Incomplete("the invocation's remaining time would not cover the rest",
                List.of("p-notread0001", "p-notread0002"));
        TestContext context = new TestContext(() -> 70_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> handler(SETTINGS, organisation(incomplete)).handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(Path.of("events/scheduled.json"))), out, context))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("INCOMPLETE: the report is partial (the invocation's remaining time would not cover the rest);"
                        + " 2 policies were not read; the partial report was published");

        assertThat(remainingSeenByReader.get()).isEqualTo(70_000);
        List<SnsWire.Published> published = SnsWire.published(sns);
        assertThat(published.get(0).subject()).isEqualTo("scp-auditor o-a1b2c3d4e5 PARTIAL: 1 CRITICAL, 1 LOW");
        assertThat(published.get(0).message()).contains("PARTIAL REPORT").contains("Not read (2): p-notread0001, p-notread0002");
        assertThat(published.get(1).attributes()).containsEntry("complete", "false");
        JsonNode part = MAPPER.readTree(published.get(1).message());
        assertThat(part.path("incomplete").path("notRead").toString()).isEqualTo("[\"p-notread0001\",\"p-notread0002\"]");
        JsonNode runLine = MAPPER.readTree(context.logLines.get(0));
        assertThat(runLine.path("outcome").asText()).isEqualTo("partial");
        assertThat(runLine.path("notRead").asInt()).isEqualTo(2);
        assertThat(MAPPER.readTree(context.logLines.get(1)).path("PoliciesNotRead").asInt()).isEqualTo(2);
    }

    @Test
    void accessDeniedIsPublishedAsAnAlertLoggedAndFailsTheInvocation() throws Exception {
        SnsWire.acceptEverything(sns);
        TestContext context = new TestContext();
        AuditHandler handler = handler(SETTINGS, remaining -> {
            throw new OrgReadException(OrgReadException.Kind.ACCESS_DENIED,
                    "ListRoots: AccessDeniedException: You don't have permissions to access this resource.", null);
        });

        assertThatThrownBy(() -> invoke(handler, "events/scheduled.json", context))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("ACCESS_DENIED: ListRoots: AccessDeniedException: You don't have permissions to access this resource.");

        SnsWire.Published alert = SnsWire.published(sns).get(0);
        assertThat(alert.attributes()).containsExactly(entry("kind", "alert"), entry("failure", "ACCESS_DENIED"));
        assertThat(alert.subject()).isEqualTo("scp-auditor FAILED account 123456789012: access denied");
        assertThat(alert.message()).startsWith("scp-auditor could not audit account 123456789012.\n\nAccess denied while reading");
        JsonNode runLine = MAPPER.readTree(context.logLines.get(0));
        assertThat(runLine.path("level").asText()).isEqualTo("ERROR");
        assertThat(runLine.path("failure").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(runLine.path("alertPublished").asBoolean()).isTrue();
        assertThat(MAPPER.readTree(context.logLines.get(1)).path("RunFailures").asInt()).isEqualTo(1);
    }

    @Test
    void notInAnOrganisationIsAnAlertToo() {
        SnsWire.acceptEverything(sns);
        AuditHandler handler = handler(SETTINGS, remaining -> {
            throw new OrgReadException(OrgReadException.Kind.NOT_IN_ORGANIZATION,
                    "DescribeOrganization: AWSOrganizationsNotInUseException", null);
        });

        assertThatThrownBy(() -> invoke(handler, "events/scheduled.json", new TestContext()))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("NOT_IN_ORGANIZATION: ");
        assertThat(SnsWire.published(sns).get(0).attributes()).containsEntry("failure", "NOT_IN_ORGANIZATION");
    }

    @Test
    void publishingThatFailsForGoodIsLoggedAndFailsTheInvocation() throws Exception {
        SnsWire.failEverything(sns);
        TestContext context = new TestContext();

        assertThatThrownBy(() -> invoke(handler(SETTINGS, organisation(null)), "events/scheduled.json", context))
                .isInstanceOf(RunFailedException.class)
                .hasMessageStartingWith("PUBLISH_FAILURE: SNS Publish to " + SnsWire.TOPIC_ARN + " failed after retries");

        JsonNode runLine = MAPPER.readTree(context.logLines.get(0));
        assertThat(runLine.path("level").asText()).isEqualTo("ERROR");
        assertThat(runLine.path("failure").asText()).isEqualTo("PUBLISH_FAILURE");
        assertThat(runLine.path("alertPublished").asBoolean()).isFalse();
        assertThat(runLine.path("findings").asInt()).isEqualTo(2);
        assertThat(runLine.path("millis").has("publish")).isTrue();
        // The summary's attempts, then the alert's: each retried by the client before giving up.
        assertThat(SnsWire.published(sns)).extracting(p -> p.attributes().get("kind"))
                .containsExactly("summary", "summary", "summary", "summary", "summary", "alert", "alert", "alert", "alert", "alert");
    }

    @Test
    void aCleanRunPublishesAShortSummaryUnlessToldNotTo() throws Exception {
        SnsWire.acceptEverything(sns);
        AuditHandler.Organization clean = remaining -> new OrgRead(snapshot(List.of()), List.of(), null);

        invoke(handler(SETTINGS, clean), "events/scheduled.json", new TestContext());
        assertThat(SnsWire.published(sns)).extracting(SnsWire.Published::subject)
                .containsExactly("scp-auditor o-a1b2c3d4e5: no findings, 0 policies", "scp-auditor o-a1b2c3d4e5: JSON report part 1/1");

        sns.resetRequests();
        invoke(handler(new Settings(SnsWire.TOPIC_ARN, "en", false, 10_240), clean), "events/scheduled.json", new TestContext());
        assertThat(SnsWire.publishAttempts(sns)).isZero();
    }

    @Test
    void publishingWithoutATopicIsAnError() {
        assertThatThrownBy(() -> invoke(handler(new Settings(null, "en", true, 10_240), organisation(null)),
                "events/scheduled.json", new TestContext()))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("publishing was asked for but FINDINGS_TOPIC_ARN is not set");
        assertThat(reads.get()).isZero();
    }

    @Test
    void aResultOverLambdasSixMegabytesIsItsFirstPartAndSaysSo() throws Exception {
        TestContext context = new TestContext();
        AuditHandler handler = new AuditHandler(SETTINGS, organisation(null),
                (snapshot, errors, incomplete) -> io.github.scpauditor.publish.Reports.of(
                        io.github.scpauditor.publish.Reports.many(12_000), errors, incomplete),
                SnsWire.client(sns));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/on-demand.json"))), out, context);

        assertThat(out.size()).isLessThanOrEqualTo(AuditHandler.MAX_RESULT_BYTES);
        JsonNode result = MAPPER.readTree(out.toByteArray());
        assertThat(result.path("part").path("number").asInt()).isEqualTo(1);
        assertThat(result.path("part").path("of").asInt()).isEqualTo(2);
        assertThat(result.path("summary").path("findings").asInt()).isEqualTo(12_000);
        assertThat(context.logLines).anySatisfy(line -> assertThat(line)
                .contains("\"level\":\"WARN\"", "\"parts\":2", "6 MB result"));
    }

    @Test
    void anUnexpectedFailureIsStillOneStructuredLogLine() {
        TestContext context = new TestContext();
        AuditHandler handler = new AuditHandler(SETTINGS, organisation(null), (snapshot, errors, incomplete) -> {
            throw new IllegalStateException("a defect");
        }, SnsWire.client(sns));

        assertThatThrownBy(() -> invoke(handler, "events/on-demand.json", context))
                .isInstanceOf(IllegalStateException.class).hasMessage("a defect");
        assertThat(context.logLines).singleElement().asString()
                .contains("\"message\":\"scp-auditor run failed unexpectedly\"", "\"level\":\"ERROR\"",
                        "\"failure\":\"java.lang.IllegalStateException\"", "\"detail\":\"a defect\"");
    }

    private AuditHandler handler(Settings settings, AuditHandler.Organization organization) {
        return new AuditHandler(settings, organization, AuditHandlerTest::audit, SnsWire.client(sns));
    }

    /** The example organisation: two SCPs on the root, one of them the region lockout. */
    private AuditHandler.Organization organisation(Report.Incomplete incomplete) {
        return remaining -> {
            reads.incrementAndGet();
            remainingSeenByReader.set(remaining.getAsLong());
            return new OrgRead(snapshot(List.of(
                    new OrgSnapshot.Scp("p-examplescp1", "DenyOutsideUsRegions",
                            "arn:aws-cn:organizations::111111111111:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1",
                            false, "{}", List.of("r-ab12")),
                    new OrgSnapshot.Scp("p-examplescp3", "TypoGuardrail",
                            "arn:aws-cn:organizations::111111111111:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp3",
                            false, "{}", List.of("r-ab12")))), List.of(), incomplete, new OrgRead.Stats(37, 3, 18_500));
        };
    }

    private static OrgSnapshot snapshot(List<OrgSnapshot.Scp> policies) {
        return new OrgSnapshot(ORG, "111111111111", "aws-cn", "2026-11-24T01:00:00Z",
                List.of(new OrgSnapshot.Root("r-ab12", "Root", List.of("SERVICE_CONTROL_POLICY"))), List.of(),
                List.of(new OrgSnapshot.Account("111111111111", "Management", "ACTIVE", "r-ab12"),
                        new OrgSnapshot.Account("222222222222", "Workload", "ACTIVE", "r-ab12")),
                policies);
    }

    /** Stands in for OrgAuditor: p-examplescp1 is a region lockout, p-examplescp3 has a typo. */
    private static Report audit(OrgSnapshot snapshot, List<io.github.scpauditor.report.InputError> errors, Report.Incomplete incomplete) {
        Exposure root = new Exposure(List.of(new Exposure.Target("r-ab12", "Root", "ROOT")), 2);
        List<Finding> findings = new ArrayList<>();
        for (OrgSnapshot.Scp p : snapshot.policies()) {
            String source = p.id() + " (" + p.name() + ")";
            findings.add(p.id().equals("p-examplescp1")
                    ? new Finding("REGION_LOCKOUT", Severity.CRITICAL, Category.REGION, source, new StatementRef(0, "DenyRegions"),
                            "/Statement/0", 4, "denies every action in aws-cn", "add cn-north-1 and cn-northwest-1", root)
                    : new Finding("UNKNOWN_ACTION", Severity.LOW, Category.GRAMMAR, source, new StatementRef(0, null),
                            "/Statement/0/Action/0", 5, "s3:GetObjekt is no S3 action", "s3:GetObject", root));
        }
        return Report.of("aws-cn", snapshot.policies().size(), findings, errors, incomplete);
    }

    private static JsonNode invoke(AuditHandler handler, String eventFileOrJson, TestContext context) throws IOException {
        byte[] event = eventFileOrJson.startsWith("{") ? eventFileOrJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : Files.readAllBytes(Path.of(eventFileOrJson));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return MAPPER.readTree(out.toByteArray());
    }

    private static List<String> checkIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("findings").forEach(f -> ids.add(f.path("checkId").asText()));
        return ids;
    }
}
