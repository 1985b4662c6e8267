package io.github.scpauditor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.JsonRenderer;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.ReportMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

class SnsPublisherTest {

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ReportMessages EN = ReportMessages.forTag("en");

    private final SnsClient client = SnsWire.client(sns);
    private final SnsPublisher publisher = new SnsPublisher(client, SnsWire.TOPIC_ARN, new JsonRenderer());

    @Test
    void aRunIsASummaryForPeopleThenTheJsonReportWithFilterableAttributes() throws Exception {
        SnsWire.acceptEverything(sns);
        Report report = Reports.of(List.of(Reports.bedrockDead(), Reports.regionLockout(), Reports.foreignArn()), List.of(), null);

        SnsPublisher.Published result = publisher.publishRun(Reports.ORG, report, EN);

        List<SnsWire.Published> messages = SnsWire.published(sns);
        assertThat(messages).hasSize(2);
        assertThat(result.messageIds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(result.reportParts()).isEqualTo(1);

        SnsWire.Published summary = messages.get(0);
        assertThat(summary.topicArn()).isEqualTo(SnsWire.TOPIC_ARN);
        assertThat(summary.subject()).isEqualTo("scp-auditor o-a1b2c3d4e5: 1 CRITICAL, 1 HIGH, 1 MEDIUM");
        assertThat(summary.message()).isEqualTo(new io.github.scpauditor.report.EmailRenderer(EN, Reports.ORG).render(report));
        assertThat(summary.attributes()).containsExactly(
                entry("kind", "summary"), entry("complete", "true"), entry("highestSeverity", "CRITICAL"),
                entry("categories", "[\"region\",\"bedrock\",\"partition\"]"),
                entry("critical", "1"), entry("high", "1"), entry("medium", "1"), entry("low", "0"), entry("info", "0"));
        assertThat(summary.attributeTypes()).containsEntry("categories", "String.Array").containsEntry("critical", "Number")
                .containsEntry("kind", "String");

        SnsWire.Published part = messages.get(1);
        assertThat(part.subject()).isEqualTo("scp-auditor o-a1b2c3d4e5: JSON report part 1/1");
        assertThat(part.attributes()).containsEntry("kind", "report").containsEntry("part", "1").hasSize(10);
        JsonNode json = MAPPER.readTree(part.message());
        assertThat(json.path("organizationId").asText()).isEqualTo(Reports.ORG);
        assertThat(json.path("part").path("number").asInt()).isEqualTo(1);
        assertThat(json.path("part").path("of").asInt()).isEqualTo(1);
        assertThat(checkIds(json)).containsExactly("REGION_LOCKOUT", "FOREIGN_PARTITION_ARN", "DEAD_STATEMENT");
        assertThat(json.path("findings").get(0).path("statement").path("sid").asText()).isEqualTo("GRREGIONDENY");
    }

    @Test
    void aPublishThatFailsIsRetriedAndThenSucceeds() {
        SnsWire.failThenAccept(sns, 2);
        Report report = Reports.of(List.of(Reports.regionLockout()), List.of(), null);

        SnsPublisher.Published result = publisher.publishRun(Reports.ORG, report, EN);

        List<SnsWire.Published> attempts = SnsWire.published(sns);
        assertThat(attempts).extracting(SnsWire.Published::subject).containsExactly(
                "scp-auditor o-a1b2c3d4e5: 1 CRITICAL",
                "scp-auditor o-a1b2c3d4e5: 1 CRITICAL",
                "scp-auditor o-a1b2c3d4e5: 1 CRITICAL",
                "scp-auditor o-a1b2c3d4e5: JSON report part 1/1");
        assertThat(result.messageIds()).hasSize(2);
    }

    @Test
    void aPublishThatKeepsFailingEndsInPublishExceptionAfterFiveAttempts() {
        SnsWire.failEverything(sns);
        Report report = Reports.of(List.of(Reports.regionLockout()), List.of(), null);

        assertThatThrownBy(() -> publisher.publishRun(Reports.ORG, report, EN))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("SNS Publish to " + SnsWire.TOPIC_ARN + " failed after retries")
                .hasMessageContaining("0 message(s) of this run already published")
                .satisfies(e -> assertThat(((PublishException) e).published()).isZero());
        assertThat(SnsWire.publishAttempts(sns)).isEqualTo(SnsPublisher.MAX_ATTEMPTS);
    }

    @Test
    void aReportTooLargeForOneMessageArrivesCompleteInNumberedParts() throws Exception {
        SnsWire.acceptEverything(sns);
        List<InputError> errors = IntStream.range(0, 300)
                .mapToObj(i -> new InputError("p-unread" + i, "DescribePolicy failed after retries: TooManyRequestsException"))
                .toList();
        Report report = Reports.of(Reports.many(2_000), errors, null);
        JsonNode whole = MAPPER.readTree(new JsonRenderer().render(report));
        assertThat(new JsonRenderer().render(report).getBytes(StandardCharsets.UTF_8).length)
                .isGreaterThan(3 * SnsPublisher.MAX_PUBLISH_BYTES);

        SnsPublisher.Published result = publisher.publishRun(Reports.ORG, report, EN);

        List<SnsWire.Published> parts = SnsWire.published(sns).subList(1, SnsWire.published(sns).size());
        assertThat(parts).hasSize(result.reportParts()).hasSizeGreaterThan(3);
        ArrayNode findings = MAPPER.createArrayNode();
        ArrayNode errorsSeen = MAPPER.createArrayNode();
        for (int i = 0; i < parts.size(); i++) {
            SnsWire.Published part = parts.get(i);
            assertThat(publishedBytes(part)).isLessThanOrEqualTo(SnsPublisher.MAX_PUBLISH_BYTES);
            assertThat(part.attributes()).containsEntry("part", Integer.toString(i + 1)).containsEntry("kind", "report");
            assertThat(part.subject()).isEqualTo("scp-auditor o-a1b2c3d4e5: JSON report part " + (i + 1) + "/" + parts.size());
            JsonNode json = MAPPER.readTree(part.message());
            assertThat(json.path("part").path("number").asInt()).isEqualTo(i + 1);
            assertThat(json.path("part").path("of").asInt()).isEqualTo(parts.size());
            assertThat(json.path("summary")).isEqualTo(whole.path("summary"));
            assertThat(json.path("partition").asText()).isEqualTo("aws-cn");
            findings.addAll((ArrayNode) json.path("findings"));
            errorsSeen.addAll((ArrayNode) json.path("errors"));
        }
        assertThat(findings).isEqualTo(whole.path("findings"));
        assertThat(errorsSeen).isEqualTo(whole.path("errors"));
    }

    @Test
    void anIncompleteRunIsMarkedPartialInSubjectAttributesAndEveryPart() throws Exception {
        SnsWire.acceptEverything(sns);
        List<String> notRead = IntStream.range(0, 20_000).mapToObj(i -> String.format("p-%010d", i)).toList();
        Report report = Reports.of(List.of(Reports.regionLockout()), List.of(),
                new Report.Incomplete("the invocation's time ran out", notRead));

        publisher.publishRun(Reports.ORG, report, EN);

        List<SnsWire.Published> messages = SnsWire.published(sns);
        assertThat(messages.get(0).subject()).isEqualTo("scp-auditor o-a1b2c3d4e5 PARTIAL: 1 CRITICAL");
        assertThat(messages.get(0).message()).contains("PARTIAL REPORT: reading the organisation stopped early"
                + " (the invocation's time ran out).");
        List<String> notReadSeen = new ArrayList<>();
        for (SnsWire.Published part : messages.subList(1, messages.size())) {
            assertThat(part.attributes()).containsEntry("complete", "false");
            JsonNode incomplete = MAPPER.readTree(part.message()).path("incomplete");
            assertThat(incomplete.path("reason").asText()).isEqualTo("the invocation's time ran out");
            incomplete.path("notRead").forEach(n -> notReadSeen.add(n.asText()));
        }
        assertThat(messages.size()).isGreaterThan(2);
        assertThat(notReadSeen).isEqualTo(notRead);
    }

    @Test
    void anAlertSaysWhatFailedInTheReportLanguage() {
        SnsWire.acceptEverything(sns);

        publisher.publishAlert(Failure.ACCESS_DENIED, null, "123456789012",
                "AccessDeniedException: You don't have permissions to access this resource.", ReportMessages.forTag("zh-CN"));

        SnsWire.Published alert = SnsWire.published(sns).get(0);
        assertThat(alert.subject()).isEqualTo("scp-auditor FAILED account 123456789012: access denied");
        assertThat(alert.attributes()).containsExactly(entry("kind", "alert"), entry("failure", "ACCESS_DENIED"));
        assertThat(alert.message()).isEqualTo("""
                scp-auditor 无法审计账户 123456789012。

                读取 AWS Organizations 时访问被拒绝。该函数必须在管理账户或 AWS Organizations 的委派管理员账户中运行，并具有 template.yaml 授予的只读权限。

                详细信息：AccessDeniedException: You don't have permissions to access this resource.
                """);
    }

    @Test
    void aTextLongerThanAMessageIsCutOnACharacterBoundaryAndMarked() {
        String text = "区域".repeat(100);
        String fitted = SnsPublisher.fitted(text, 100);
        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
        assertThat(fitted).endsWith("\n[...]\n").startsWith("区域区域");
        assertThat(SnsPublisher.fitted("short", 100)).isEqualTo("short");
    }

    private static List<String> checkIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("findings").forEach(f -> ids.add(f.path("checkId").asText()));
        return ids;
    }

    /** Message plus attributes (names, types, values), as SNS counts a publish against its 256 KB. */
    private static int publishedBytes(SnsWire.Published p) {
        int size = p.message().getBytes(StandardCharsets.UTF_8).length;
        for (String name : p.attributes().keySet()) {
            size += name.length() + p.attributeTypes().get(name).length() + p.attributes().get(name).length();
        }
        return size;
    }
}
