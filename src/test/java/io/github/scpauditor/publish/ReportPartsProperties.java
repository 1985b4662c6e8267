package io.github.scpauditor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.JsonRenderer;
import io.github.scpauditor.report.Report;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportPartsProperties {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonRenderer JSON = new JsonRenderer();

    @Test
    void partsFitTheLimitAndTogetherAreTheWholeReport() {
        qt().withExamples(40)
                .forAll(integers().between(0, 400), integers().between(0, 40), integers().between(0, 300),
                        integers().between(8_000, 300_000))
                .checkAssert((findings, errors, notRead, maxBytes) -> {
                    Report report = Reports.of(Reports.many(findings),
                            IntStream.range(0, errors).mapToObj(i -> new InputError("p-err" + i, "failed " + i)).toList(),
                            notRead == 0 ? null : new Report.Incomplete("time ran out",
                                    IntStream.range(0, notRead).mapToObj(i -> "p-notread" + i).toList()));
                    List<ReportParts.Part> parts = ReportParts.split(report, Reports.ORG, JSON, maxBytes);
                    JsonNode whole = read(JSON.render(report));

                    ArrayNode allFindings = MAPPER.createArrayNode();
                    ArrayNode allErrors = MAPPER.createArrayNode();
                    ArrayNode allNotRead = MAPPER.createArrayNode();
                    for (int i = 0; i < parts.size(); i++) {
                        ReportParts.Part part = parts.get(i);
                        assertThat(part.json().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBytes);
                        assertThat(part.number()).isEqualTo(i + 1);
                        assertThat(part.of()).isEqualTo(parts.size());
                        JsonNode json = read(part.json());
                        assertThat(json.path("part").path("number").asInt()).isEqualTo(i + 1);
                        assertThat(json.path("organizationId").asText()).isEqualTo(Reports.ORG);
                        assertThat(json.path("summary")).isEqualTo(whole.path("summary"));
                        allFindings.addAll((ArrayNode) json.path("findings"));
                        allErrors.addAll((ArrayNode) json.path("errors"));
                        if (notRead > 0) {
                            allNotRead.addAll((ArrayNode) json.path("incomplete").path("notRead"));
                        } else {
                            assertThat(json.has("incomplete")).isFalse();
                        }
                    }
                    assertThat(allFindings).isEqualTo(whole.path("findings"));
                    assertThat(allErrors).isEqualTo(whole.path("errors"));
                    if (notRead > 0) {
                        assertThat(allNotRead).isEqualTo(whole.path("incomplete").path("notRead"));
                    }
                });
    }

    @Test
    void aReportThatFitsIsOnePart() {
        Report report = Reports.of(List.of(Reports.regionLockout()), List.of(), null);
        List<ReportParts.Part> parts = ReportParts.split(report, Reports.ORG, JSON, 262_144);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).json()).startsWith("{\"organizationId\":\"o-a1b2c3d4e5\",").endsWith(",\"part\":{\"number\":1,\"of\":1}}");
    }

    @Test
    void aSingleFindingLargerThanAMessageIsAnErrorNotASilentDrop() {
        Report report = Reports.of(Reports.many(1), List.of(), null);
        assertThatThrownBy(() -> ReportParts.split(report, Reports.ORG, JSON, 300))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("item 0 of the report alone exceeds 300 bytes");
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
