package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one generic loader of check fixtures: {@code checks/<CHECK_ID>.json} is an array of named cases
 * {@code {name, policy | policyText, source?, sizeQuota?, expect: [...]}} run against aws-cn ({@code policyText}
 * is the exact text, as one string or as an array of its lines); each case
 * asserts the exact set of findings of that one check ("expect": [] asserts a clean policy), and that each
 * finding's line is the line of the element its pointer names.
 */
public final class FixtureCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Evaluator evaluator;

    private FixtureCases() {
    }

    /** The aws-cn evaluator, built once for all fixture tests. */
    public static synchronized Evaluator awsCn() {
        if (evaluator == null) {
            evaluator = new Evaluator(Partition.of("aws-cn"));
        }
        return evaluator;
    }

    public static String resourcePath(String checkId) {
        return "/checks/" + checkId + ".json";
    }

    public static Stream<DynamicTest> run(Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : load(check.info().id())) {
            String name = c.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> runCase(check, c)));
        }
        return tests.stream();
    }

    static JsonNode load(String checkId) {
        try (InputStream in = FixtureCases.class.getResourceAsStream(resourcePath(checkId))) {
            if (in == null) {
                throw new IllegalStateException("no fixture file " + resourcePath(checkId));
            }
            JsonNode cases = JSON.readTree(in);
            if (!cases.isArray() || cases.isEmpty()) {
                throw new IllegalStateException(resourcePath(checkId) + " must be a non-empty array of cases");
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy text as one string, or as an array of its lines so a case about lines reads like the document. */
    private static String policyText(JsonNode text) {
        if (!text.isArray()) {
            return text.asText();
        }
        StringBuilder lines = new StringBuilder();
        text.forEach(line -> lines.append(line.asText()).append('\n'));
        return lines.toString();
    }

    private static void runCase(Check check, JsonNode c) throws IOException {
        String text = c.has("policyText") ? policyText(c.get("policyText"))
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c.get("policy"));
        String source = c.path("source").asText("policy.json");
        int quota = c.path("sizeQuota").asInt(CheckContext.DEFAULT_SIZE_QUOTA);
        PolicyUnderAudit policy = new PolicyUnderAudit(new PolicySource(source, null, text), PolicyParser.parse(text));
        List<Finding> findings = check.check(policy, new CheckContext(awsCn(), quota));
        for (Finding f : findings) {
            assertThat(f.checkId()).isEqualTo(check.info().id());
            assertThat(f.source()).isEqualTo(source);
            assertThat(f.category()).isNotNull();
            assertThat(f.message()).isNotBlank();
            assertThat(f.remediation()).isNotBlank();
            assertThat(f.pointer()).isNotNull();
            assertThat(f.line()).isPositive();
        }
        PointedLines.assertEachFindingIsOnItsElementsLine(text, findings);
        ExpectedFindings.fromJson(c.path("expect")).assertMatch(c.path("name").asText(), findings);
    }
}
