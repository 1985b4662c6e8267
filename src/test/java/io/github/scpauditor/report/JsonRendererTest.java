package io.github.scpauditor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest extends AbstractRendererTest {

    @Override
    Renderer renderer() {
        return new JsonRenderer();
    }

    @Override
    String extension() {
        return "json";
    }

    @Test
    void hasTheTopLevelFieldsOfTheDesignAndIncompleteOnlyWhenARunStoppedEarly() throws Exception {
        JsonNode complete = new ObjectMapper().readTree(renderer().render(
                Report.of("aws-cn", 2, Scenarios.SEVERAL, Scenarios.ERRORS, null)));
        JsonNode incomplete = new ObjectMapper().readTree(renderer().render(
                Report.of("aws-cn", 0, List.of(), List.of(), new Report.Incomplete("out of time", List.of("p-1")))));

        assertThat(complete.fieldNames()).toIterable().containsExactly("partition", "findings", "errors", "summary");
        assertThat(incomplete.fieldNames()).toIterable()
                .containsExactly("partition", "findings", "errors", "summary", "incomplete");
        JsonNode finding = complete.get("findings").get(0);
        assertThat(finding.get("checkId").asText()).isEqualTo("REGION_LOCKOUT");
        assertThat(finding.get("statement").get("index").asInt()).isZero();
        assertThat(finding.get("statement").get("sid").asText()).isEqualTo("DenyAllOutsideUS");
        assertThat(finding.get("category").asText()).isEqualTo("region");
        assertThat(complete.get("errors").get(1).get("source").asText()).isEqualTo("policies/latin1.json");
    }
}
