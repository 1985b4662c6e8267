package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.report.SarifRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The examples/ folder: the snapshot and the policy files agree, and together they show every check. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyScpOfTheSnapshotIsAPolicyFileWithTheSameTextAndViceVersa() throws IOException {
        Map<String, String> inSnapshot = new TreeMap<>();
        for (JsonNode scp : JSON.readTree(EXAMPLES.resolve("organization.json").toFile()).get("policies")) {
            inSnapshot.put(scp.get("name").asText() + ".json", scp.get("content").asText());
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(EXAMPLES.resolve("policies"))) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }

        assertThat(files).isEqualTo(inSnapshot);
    }

    @Test
    void theExamplesFireEveryCheckOfTheCatalogue() throws IOException {
        Set<String> fired = checksFired("examples/organization.json", "examples/organization-scps-disabled.json",
                "examples/drafts");

        Set<String> catalogue = RuleCatalogue.rules().stream().map(SarifRenderer.Rule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogue).hasSize(13);
        assertThat(fired).isEqualTo(catalogue);
    }

    @Test
    void theCleanExamplesHaveNoFindingsBeyondTheirAttachments() throws IOException {
        Map<String, Set<String>> bySource = findingsBySource("examples/organization.json", "examples/drafts");

        assertThat(bySource).doesNotContainKeys("FullAWSAccess (p-FullAWSAccess)",
                "ningxia-data-residency (p-cn01ningxia)", "examples/drafts/require-imdsv2.json");
        assertThat(bySource.get("quarantine-deny-all (p-cn01quarantn)")).containsExactly("UNATTACHED_POLICY");
        assertThat(bySource.get("deny-leave-organization (p-cn01leaveorg)")).containsExactly("MANAGEMENT_ACCOUNT_TARGET");
        assertThat(bySource.get("lza-guardrails-part-1 (p-cn01lzapart1)")).containsExactly("SIZE_NEAR_LIMIT");
    }

    @Test
    void theReadmeDescribesEveryCheckOfTheCatalogue() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(RuleCatalogue.rules()).allSatisfy(rule -> assertThat(readme).contains("`" + rule.id() + "`"));
    }

    private static Set<String> checksFired(String... paths) throws IOException {
        return findingsBySource(paths).values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Set<String>> findingsBySource(String... paths) throws IOException {
        String[] args = Stream.concat(Stream.of("audit", "--format", "json"), Stream.of(paths)).toArray(String[]::new);
        Cli.Result result = Cli.run(args);
        assertThat(result.err()).isEmpty();
        Map<String, Set<String>> bySource = new HashMap<>();
        for (JsonNode finding : JSON.readTree(result.out()).get("findings")) {
            bySource.computeIfAbsent(finding.get("source").asText(), s -> new TreeSet<>()).add(finding.get("checkId").asText());
        }
        return bySource;
    }
}
