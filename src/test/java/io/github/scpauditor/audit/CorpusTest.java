package io.github.scpauditor.audit;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.check.ExpectedFindings;
import io.github.scpauditor.check.PointedLines;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real published SCPs (copied into corpus/, see its PROVENANCE.md) audited for aws-cn with every check:
 * corpus/expectations.json states the exact findings of each, worked out from IAM's rules in aws-cn, and
 * every finding must sit on the line of the element its pointer names. An
 * entry marked "pending" names a known gap of the engine: it is skipped while the gap lasts and fails once
 * the engine gets it right, so the marker cannot outlive the gap.
 */
class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> publishedPoliciesAuditedForAwsCn() throws IOException {
        Auditor auditor = new Auditor(Partition.of("aws-cn"), CheckContext.DEFAULT_SIZE_QUOTA);
        JsonNode expectations;
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/expectations.json")) {
            expectations = JSON.readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : expectations) {
            String file = entry.path("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> {
                String text;
                try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("corpus file missing: " + file);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                ExpectedFindings expected = ExpectedFindings.fromJson(entry.path("expect"));
                var findings = auditor.audit(new PolicySource(file, null, text));
                PointedLines.assertEachFindingIsOnItsElementsLine(text, findings);
                if (!entry.has("pending")) {
                    expected.assertMatch(file, findings);
                    return;
                }
                // A known engine gap: skipped while it lasts, and a failure once fixed so the marker goes.
                try {
                    expected.assertMatch(file, findings);
                } catch (AssertionError e) {
                    Assumptions.abort("pending: " + entry.path("pending").asText() + "\n" + e.getMessage());
                }
                fail(file + " now comes out as expected: remove its \"pending\" marker");
            }));
        }
        return tests.stream();
    }
}
