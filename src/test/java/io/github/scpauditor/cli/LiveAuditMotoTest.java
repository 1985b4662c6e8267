package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.testsupport.Moto;
import io.github.scpauditor.testsupport.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/** {@code audit --live --snapshot-out} end to end against moto, configured the SDK's standard way. */
@ExtendWith(MotoServer.class)
class LiveAuditMotoTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOrganisationAuditsItAndSavesASnapshotThatAuditsTheSame(Moto moto) throws IOException {
        moto.reset();
        OrganizationsClient organizations = moto.client(OrganizationsClient.builder());
        organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        String root = organizations.listRoots().roots().get(0).id();
        organizations.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
        String content = resource("region-lockout.json");
        String lockout = organizations.createPolicy(r -> r.name("deny-outside-eu-regions").description("copied")
                .type(PolicyType.SERVICE_CONTROL_POLICY).content(content)).policy()
                .policySummary().id();
        organizations.attachPolicy(r -> r.policyId(lockout).targetId(root));
        Path snapshot = dir.resolve("org.json");

        Cli.Result live = withStandardConfiguration(moto, () -> Cli.run("audit", "--live", "--snapshot-out",
                snapshot.toString(), "--format", "json"));
        Cli.Result saved = Cli.run("audit", "--format", "json", snapshot.toString());

        assertThat(live.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(live.out());
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.at("/findings/0/checkId").asText()).isEqualTo("REGION_LOCKOUT");
        assertThat(report.at("/findings/0/source").asText()).isEqualTo("deny-outside-eu-regions (" + lockout + ")");
        assertThat(report.at("/findings/0/exposure/targets/0/id").asText()).isEqualTo(root);
        assertThat(saved.exit()).isEqualTo(1);
        assertThat(checkIds(new ObjectMapper().readTree(saved.out()))).isEqualTo(checkIds(report));
    }

    @Test
    void anOrganisationThatCannotBeReadIsAReportedErrorWithExitTwo(Moto moto) {
        moto.reset();
        // No organisation exists, so Organizations answers that the account is in none.
        Cli.Result result = withStandardConfiguration(moto, () -> Cli.run("audit", "--live"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).contains("organisation (live): cannot read the organisation: ");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    private static List<String> checkIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.get("checkId").asText()));
        return ids;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LiveAuditMotoTest.class.getResourceAsStream("/cli/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The CLI reads AWS_REGION, credentials and AWS_ENDPOINT_URL; their system-property forms point it at moto here. */
    private static Cli.Result withStandardConfiguration(Moto moto, java.util.function.Supplier<Cli.Result> run) {
        Map<String, String> properties = Map.of(
                "aws.region", "cn-northwest-1",
                "aws.endpointUrl", moto.endpoint().toString(),
                "aws.accessKeyId", "testing",
                "aws.secretAccessKey", "testing");
        Map<String, String> before = new HashMap<>();
        properties.forEach((key, value) -> {
            before.put(key, System.getProperty(key));
            System.setProperty(key, value);
        });
        try {
            return run.get();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
