package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry against DESIGN.md's check catalogue: every policy check, its metadata and its fixture file. */
class CatalogueTest {

    /** DESIGN.md's table, policy checks only (the attachment checks live in check.attachment), in its order. */
    private static final Map<String, Severity> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("UNAVAILABLE_SERVICE", Severity.LOW);
        CATALOGUE.put("DEAD_STATEMENT", Severity.MEDIUM);
        CATALOGUE.put("REGION_NOT_IN_PARTITION", Severity.LOW);
        CATALOGUE.put("REGION_LOCKOUT", Severity.CRITICAL);
        CATALOGUE.put("GLOBAL_SERVICE_DENIED", Severity.HIGH);
        CATALOGUE.put("FOREIGN_PARTITION_ARN", Severity.HIGH);
        CATALOGUE.put("CONTROL_TOWER_ARTIFACT", Severity.LOW);
        CATALOGUE.put("UNKNOWN_ACTION", Severity.MEDIUM);
        CATALOGUE.put("SIZE_NEAR_LIMIT", Severity.INFO);
        CATALOGUE.put("INVALID_POLICY", Severity.HIGH);
    }

    @Test
    void registryHoldsExactlyTheCataloguedPolicyChecksInOrder() {
        assertThat(Checks.all()).extracting(c -> c.info().id()).containsExactlyElementsOf(CATALOGUE.keySet());
    }

    @Test
    void everyCheckDeclaresItsCataloguedSeverityACategoryAndASummary() {
        for (Check check : Checks.all()) {
            CheckInfo info = check.info();
            assertThat(info.defaultSeverity()).as(info.id()).isEqualTo(CATALOGUE.get(info.id()));
            assertThat(info.category()).as(info.id()).isNotNull().isNotEqualTo(Category.ATTACHMENT);
            assertThat(info.summary()).as(info.id()).isNotBlank().doesNotEndWith(".");
        }
    }

    @Test
    void everyCheckHasAFixtureFileWithFailingAndCleanCases() {
        for (Check check : Checks.all()) {
            JsonNode cases = FixtureCases.load(check.info().id());
            List<JsonNode> list = new java.util.ArrayList<>();
            cases.forEach(list::add);
            assertThat(list).as(check.info().id() + " fixture names")
                    .extracting(c -> c.path("name").asText()).doesNotHaveDuplicates().allMatch(n -> !n.isBlank());
            assertThat(list).as(check.info().id() + " has a clean case").anyMatch(c -> c.path("expect").isEmpty());
            assertThat(list).as(check.info().id() + " has a failing case at its default severity")
                    .anyMatch(c -> hasFinding(c, check.info()));
        }
    }

    private static boolean hasFinding(JsonNode c, CheckInfo info) {
        for (JsonNode e : c.path("expect")) {
            if (e.path("checkId").asText().equals(info.id())
                    && e.path("severity").asText().equals(info.defaultSeverity().name())) {
                return true;
            }
        }
        return false;
    }
}
