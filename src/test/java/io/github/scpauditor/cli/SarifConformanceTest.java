package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SARIF output against the OASIS SARIF 2.1.0 schema (a copy in src/test/resources/report, see its
 * PROVENANCE.md) and against what GitHub code scanning documents for uploaded SARIF ("SARIF support for
 * code scanning" on docs.github.com: required properties, value ranges, upload limits). Checked on the
 * renderer's golden files and on what the CLI writes for the embedded example organisation and for a
 * folder with good, invalid and unreadable inputs.
 */
class SarifConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SARIF_SCHEMA = loadSchema();

    // GitHub's limits for one uploaded SARIF file (above them the upload is rejected).
    private static final int MAX_RUNS = 20;
    private static final int MAX_RESULTS_PER_RUN = 25_000;
    private static final int MAX_RULES_PER_RUN = 25_000;
    private static final int MAX_LOCATIONS_PER_RESULT = 10; // "up to a maximum of 10"; 1,000 is the hard limit
    private static final int MAX_TAGS_PER_RULE = 20;
    private static final int MAX_RULE_NAME = 255;
    private static final int MAX_DESCRIPTION = 1024;
    private static final Set<String> RULE_LEVELS = Set.of("note", "warning", "error");
    private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @TempDir
    Path dir;

    private static Schema loadSchema() {
        try (InputStream in = SarifConformanceTest.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "several-findings", "errors-only", "incomplete"})
    void goldenFilesConform(String scenario) throws IOException {
        String sarif;
        try (InputStream in = getClass().getResourceAsStream("/report/" + scenario + ".sarif.json")) {
            assertThat(in).as("golden file report/%s.sarif.json", scenario).isNotNull();
            sarif = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertConforms(sarif);
    }

    @Test
    void theExampleOrganisationConforms() throws IOException {
        Cli.Result result = Cli.run("audit", "--format", "sarif");

        assertThat(result.exit()).isEqualTo(1);
        JsonNode run = assertConforms(result.out()).at("/runs/0");
        assertThat(run.get("results").size()).isGreaterThan(10);
        assertThat(run.at("/tool/driver/rules")).hasSize(13);
        run.get("results").forEach(r -> assertThat(SCHEME.matcher(uri(r)).find())
                .as("a path relative to the checkout: %s", uri(r)).isFalse());
    }

    @Test
    void aFolderWithInvalidAndUnreadableInputsConforms() throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Cli.copy("region-lockout.json", policies);
        Cli.copy("invalid.json", policies);
        Files.writeString(policies.resolve("empty.json"), "");
        Files.write(policies.resolve("latin1.json"),
                "{\"Statement\": [{\"Sid\": \"Règle\"}]}".getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("missing.json");

        Cli.Result result = Cli.run("audit", "--format", "sarif", policies.toString(), missing.toString());

        assertThat(result.exit()).isEqualTo(2);
        JsonNode run = assertConforms(result.out()).at("/runs/0");
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(run.at("/invocations/0/toolExecutionNotifications")).hasSize(4);
        Set<String> ruleIds = new HashSet<>();
        run.get("results").forEach(r -> ruleIds.add(r.get("ruleId").asText()));
        assertThat(ruleIds).contains("REGION_LOCKOUT", "INVALID_POLICY");
    }

    @Test
    void aSchemaViolationFailsWithTheValidatorsMessage() throws IOException {
        String broken = new String(getClass().getResourceAsStream("/report/several-findings.sarif.json").readAllBytes(),
                StandardCharsets.UTF_8).replaceFirst("\"startLine\": 17", "\"startLine\": 0");

        assertThat(schemaViolations(broken)).singleElement().asString()
                .contains("/runs/0/results/2/locations/0/physicalLocation/region/startLine").contains("minimum");
        // Formats are asserted too: an unescaped space is not a URI reference.
        assertThat(schemaViolations(broken.replace("policies/bedrock-models.json", "policies/bedrock models.json")))
                .anySatisfy(message -> assertThat(message).contains("/artifactLocation/uri").contains("uri-reference"));
    }

    /** Fails with every schema violation, then with the first GitHub rule broken; returns the parsed log. */
    private static JsonNode assertConforms(String sarif) throws IOException {
        assertThat(schemaViolations(sarif)).as("SARIF 2.1.0 schema violations").isEmpty();
        JsonNode log = JSON.readTree(sarif);
        assertMeetsGitHubRules(log);
        return log;
    }

    private static List<String> schemaViolations(String sarif) {
        List<Error> errors = SARIF_SCHEMA.validate(sarif, InputFormat.JSON,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }

    /** What GitHub code scanning documents for an uploaded SARIF file, for the properties we write. */
    private static void assertMeetsGitHubRules(JsonNode log) {
        assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).hasSize(1).hasSizeLessThanOrEqualTo(MAX_RUNS);
        JsonNode run = log.at("/runs/0");
        JsonNode driver = run.at("/tool/driver");
        assertThat(text(driver, "/name")).isEqualTo("scp-auditor");

        JsonNode rules = driver.get("rules");
        assertThat(rules.isArray()).as("tool.driver.rules[] is required").isTrue();
        assertThat(rules.size()).isBetween(1, MAX_RULES_PER_RUN);
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode rule : rules) {
            String id = text(rule, "/id");
            assertThat(ruleIds.add(id)).as("rule ids are unique: %s", id).isTrue();
            assertThat(text(rule, "/shortDescription/text")).as("%s shortDescription.text", id)
                    .hasSizeLessThanOrEqualTo(MAX_DESCRIPTION);
            assertThat(text(rule, "/fullDescription/text")).as("%s fullDescription.text", id)
                    .hasSizeLessThanOrEqualTo(MAX_DESCRIPTION);
            text(rule, "/help/text");
            if (rule.has("name")) {
                assertThat(text(rule, "/name")).hasSizeLessThanOrEqualTo(MAX_RULE_NAME);
            }
            assertThat(RULE_LEVELS).as("%s defaultConfiguration.level", id)
                    .contains(text(rule, "/defaultConfiguration/level"));
            JsonNode properties = rule.get("properties");
            JsonNode tags = properties.get("tags");
            assertThat(tags.size()).isBetween(1, MAX_TAGS_PER_RULE);
            List<String> tagList = new ArrayList<>();
            tags.forEach(t -> tagList.add(t.asText()));
            assertThat(tagList).contains("security").doesNotHaveDuplicates();
            assertSecuritySeverity(properties.get("security-severity"), id);
            if (properties.has("precision")) {
                assertThat(PRECISIONS).contains(properties.get("precision").asText());
            }
        }

        JsonNode results = run.get("results");
        assertThat(results.isArray()).as("runs[].results[] is required").isTrue();
        assertThat(results.size()).isLessThanOrEqualTo(MAX_RESULTS_PER_RUN);
        Set<String> identities = new HashSet<>();
        for (JsonNode result : results) {
            String ruleId = text(result, "/ruleId");
            assertThat(ruleIds).as("ruleId names a rule of the run").contains(ruleId);
            text(result, "/message/text");
            assertThat(Set.of("none", "note", "warning", "error")).contains(text(result, "/level"));
            JsonNode locations = result.get("locations");
            assertThat(locations.size()).isBetween(1, MAX_LOCATIONS_PER_RESULT);
            for (JsonNode location : locations) {
                text(location, "/physicalLocation/artifactLocation/uri");
                assertThat(location.at("/physicalLocation/region/startLine").isInt()).isTrue();
                assertThat(location.at("/physicalLocation/region/startLine").asInt()).isPositive();
            }
            // Code scanning reads only primaryLocationLineHash; two results of one rule with the same value are one alert.
            String fingerprint = text(result, "/partialFingerprints/primaryLocationLineHash");
            assertThat(identities.add(ruleId + " " + fingerprint))
                    .as("results of %s with the same fingerprint %s would merge into one alert", ruleId, fingerprint)
                    .isTrue();
            assertSecuritySeverity(result.at("/properties/security-severity"), ruleId);
        }
    }

    /** A string holding a number greater than 0.0 and at most 10.0 (GitHub ignores other values). */
    private static void assertSecuritySeverity(JsonNode value, String where) {
        assertThat(value.isTextual()).as("%s security-severity is a string", where).isTrue();
        assertThat(value.asText()).matches("\\d{1,2}\\.\\d");
        assertThat(Double.parseDouble(value.asText())).as("%s security-severity", where).isGreaterThan(0.0)
                .isLessThanOrEqualTo(10.0);
    }

    /** A required string: present, and not empty (GitHub does not take the empty string for required properties). */
    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        assertThat(value.isTextual()).as("%s is a string in %s", pointer, node).isTrue();
        assertThat(value.asText()).as("%s", pointer).isNotBlank();
        return value.asText();
    }

    private static String uri(JsonNode result) {
        return result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
    }
}
