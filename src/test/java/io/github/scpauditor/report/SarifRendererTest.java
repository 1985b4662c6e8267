package io.github.scpauditor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifRendererTest extends AbstractRendererTest {

    static final List<SarifRenderer.Rule> RULES = List.of(
            new SarifRenderer.Rule("REGION_LOCKOUT", "A region-deny that allows no region of the partition", Severity.CRITICAL),
            new SarifRenderer.Rule("FOREIGN_PARTITION_ARN", "An ARN of another partition", Severity.HIGH),
            new SarifRenderer.Rule("UNAVAILABLE_SERVICE", "A service the partition does not offer", Severity.LOW),
            new SarifRenderer.Rule("SIZE_NEAR_LIMIT", "A policy near the size quota", Severity.INFO));

    /** The two SCPs read from a snapshot file; the file-based policy keeps its own path. */
    static final Map<String, String> ARTIFACTS = Map.of(
            "deny-outside-us (p-aaaa1111)", "snapshots/org.json",
            "organizations:ListTargetsForPolicy p-bbbb2222", "snapshots/org.json");

    @Override
    Renderer renderer() {
        return new SarifRenderer(RULES, source -> ARTIFACTS.getOrDefault(source, source));
    }

    @Override
    String extension() {
        return "sarif.json";
    }

    @Test
    void locatesFileFindingsAtTheirLineAndSnapshotFindingsAtTheSnapshotWithThePolicyNamed() throws Exception {
        JsonNode run = new ObjectMapper().readTree(renderer().render(
                Report.of("aws-cn", 2, Scenarios.SEVERAL, List.of(), null))).get("runs").get(0);

        JsonNode lockout = run.get("results").get(0);
        JsonNode unavailable = run.get("results").get(2);
        assertThat(lockout.get("ruleId").asText()).isEqualTo("REGION_LOCKOUT");
        assertThat(lockout.get("level").asText()).isEqualTo("error");
        assertThat(lockout.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("snapshots/org.json");
        assertThat(lockout.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(lockout.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("deny-outside-us (p-aaaa1111)");
        assertThat(unavailable.get("level").asText()).isEqualTo("note");
        assertThat(unavailable.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("policies/bedrock-models.json");
        assertThat(unavailable.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(17);
        assertThat(run.at("/tool/driver/rules/0/properties/security-severity").asText()).isEqualTo("9.5");
    }

    @Test
    void everyResultHasItsOwnStableFingerprint() throws Exception {
        Report report = Report.of("aws-cn", 2, Scenarios.SEVERAL, List.of(), null);
        JsonNode results = new ObjectMapper().readTree(renderer().render(report)).get("runs").get(0).get("results");
        JsonNode again = new ObjectMapper().readTree(renderer().render(report)).get("runs").get(0).get("results");

        List<String> fingerprints = new java.util.ArrayList<>();
        results.forEach(r -> fingerprints.add(r.at("/partialFingerprints/primaryLocationLineHash").asText()));
        assertThat(fingerprints).hasSize(results.size()).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{32}"));
        assertThat(again.get(0).get("partialFingerprints")).isEqualTo(results.get(0).get("partialFingerprints"));
    }

    @Test
    void escapesPathsIntoUris() {
        assertThat(SarifRenderer.uri("my policies\\deny all.json")).isEqualTo("my%20policies/deny%20all.json");
        assertThat(SarifRenderer.uri("organizations:ListPolicies")).isEqualTo("./organizations:ListPolicies");
        // Outside the checkout: a file URI, never a reference GitHub would resolve inside the repository.
        assertThat(SarifRenderer.uri("/tmp/scp exports/p.json")).isEqualTo("file:///tmp/scp%20exports/p.json");
        assertThat(SarifRenderer.uri("C:\\policies\\p.json")).isEqualTo("file:///C:/policies/p.json");
    }
}
