package io.github.scpauditor.check.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scpauditor.org.OrgIndex;
import io.github.scpauditor.org.SnapshotJson;
import io.github.scpauditor.report.Exposure;
import io.github.scpauditor.report.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The loader of attachment check fixtures: {@code org/checks/<CHECK_ID>.json} holds an
 * {@code organization} (a snapshot) and named {@code cases}, each replacing its {@code policies} (and
 * {@code roots} if given) and listing the exact findings expected, in order ({@code "expect": []} asserts
 * none).
 */
final class AttachmentFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttachmentFixtures() {
    }

    static Stream<DynamicTest> run(AttachmentCheck check) {
        JsonNode file = load(check.info().id());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : file.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> runCase(check, file.get("organization"), c)));
        }
        return tests.stream();
    }

    private static void runCase(AttachmentCheck check, JsonNode base, JsonNode c) throws IOException {
        ObjectNode organization = base.deepCopy();
        organization.set("policies", c.get("policies"));
        if (c.has("roots")) {
            organization.set("roots", c.get("roots"));
        }
        List<Finding> findings = check.check(new OrgIndex(SnapshotJson.read(organization.toString())));

        JsonNode expect = c.get("expect");
        assertThat(findings).as(c.get("name").asText()).hasSize(expect.size());
        for (int i = 0; i < expect.size(); i++) {
            Finding f = findings.get(i);
            JsonNode e = expect.get(i);
            assertThat(f.checkId()).isEqualTo(check.info().id());
            assertThat(f.category()).isEqualTo(check.info().category());
            assertThat(f.severity().name()).isEqualTo(e.get("severity").asText());
            assertThat(f.source()).isEqualTo(e.get("source").asText());
            assertThat(f.statement()).isNull();
            assertThat(f.message()).contains(e.get("messageContains").asText());
            assertThat(f.remediation()).contains(e.get("remediationContains").asText());
            assertThat(f.exposure()).isEqualTo(exposure(e.get("exposure")));
        }
    }

    /** {"targets": [[id, name, type], …], "activeAccounts": n} or null. */
    private static Exposure exposure(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<Exposure.Target> targets = new ArrayList<>();
        for (JsonNode t : node.get("targets")) {
            targets.add(new Exposure.Target(t.get(0).asText(), t.get(1).isNull() ? null : t.get(1).asText(), t.get(2).asText()));
        }
        return new Exposure(targets, node.get("activeAccounts").asInt());
    }

    private static JsonNode load(String checkId) {
        String path = "/org/checks/" + checkId + ".json";
        try (InputStream in = AttachmentFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture file " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
