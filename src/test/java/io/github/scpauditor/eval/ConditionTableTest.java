package io.github.scpauditor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.policy.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One table per condition operator family (src/test/resources/eval/conditions/*.json): each case is a
 * Condition block, a request context and whether the block holds for it.
 */
class ConditionTableTest {
    private static final List<String> TABLES = List.of("string", "qualifiers", "numeric", "date", "bool", "binary", "ip", "arn",
            "null", "variables");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Evaluator evaluator = ChinaFixture.CN;

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryTable() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String table : TABLES) {
            try (InputStream in = getClass().getResourceAsStream("/eval/conditions/" + table + ".json")) {
                assertThat(in).as(table).isNotNull();
                for (JsonNode c : JSON.readTree(in)) {
                    tests.add(DynamicTest.dynamicTest(table + ": " + c.get("name").asText(), () -> run(c)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    private void run(JsonNode c) throws IOException {
        Statement statement = ChinaFixture.stmt("\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": "
                + JSON.writeValueAsString(c.get("condition")));
        Map<String, List<String>> context = new LinkedHashMap<>();
        c.path("context").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            context.put(e.getKey(), values);
        });
        String principal = c.hasNonNull("principalArn") ? c.get("principalArn").asText() : null;
        Request request = new Request("s3:GetObject", "*", principal, context);

        StatementMatch match = evaluator.match(statement, request);

        assertThat(match.matched()).as(match.explanation()).isEqualTo(c.get("expect").asBoolean());
        if (c.has("becauseMissing")) {
            assertThat(evaluator.conditions(statement, request).get(0).matchedBecauseMissing()).isEqualTo(c.get("becauseMissing").asBoolean());
        }
    }
}
