package io.github.scpauditor.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    private static final OrgSnapshot SNAPSHOT = new OrgSnapshot("o-abc1234567", "111111111111", "aws-cn",
            "2026-11-24T02:00:00Z",
            List.of(new OrgSnapshot.Root("r-ab12", "Root", List.of("SERVICE_CONTROL_POLICY"))),
            List.of(new OrgSnapshot.OrganizationalUnit("ou-ab12-11111111", "Workloads", "r-ab12")),
            List.of(new OrgSnapshot.Account("111111111111", "management", "ACTIVE", "r-ab12"),
                    new OrgSnapshot.Account("222222222222", "北京-prod", "SUSPENDED", "ou-ab12-11111111")),
            List.of(new OrgSnapshot.Scp("p-abcdefgh", "deny-leave", "arn:aws-cn:organizations::111111111111:policy/o-abc1234567/service_control_policy/p-abcdefgh",
                    false, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}  ", List.of("r-ab12", "222222222222"))));

    @Test
    void writesTheRecordFieldsByNameAndReadsThemBackUnchanged() throws IOException {
        String json = SnapshotJson.write(SNAPSHOT);

        assertThat(json).startsWith("{\n  \"organizationId\": \"o-abc1234567\",\n  \"managementAccountId\": \"111111111111\",\n"
                + "  \"partition\": \"aws-cn\",\n  \"readAt\": \"2026-11-24T02:00:00Z\",\n  \"roots\": [\n    {\n"
                + "      \"id\": \"r-ab12\",\n      \"name\": \"Root\",\n      \"enabledPolicyTypes\": [\n"
                + "        \"SERVICE_CONTROL_POLICY\"\n      ]\n    }\n  ],\n").endsWith("}\n");
        assertThat(SnapshotJson.read(json)).isEqualTo(SNAPSHOT);
        assertThat(SnapshotJson.readIfSnapshot(json)).contains(SNAPSHOT);
    }

    @Test
    void theShippedExampleOrganisationIsASnapshot() throws IOException {
        String text;
        try (InputStream in = SnapshotJsonTest.class.getResourceAsStream("/examples/organization.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        OrgSnapshot example = SnapshotJson.read(text);

        assertThat(example.organizationId()).isEqualTo("o-cnexample01");
        assertThat(example.partition()).isEqualTo("aws-cn");
        assertThat(example.policies()).isNotEmpty().allSatisfy(p -> assertThat(p.content()).isNotBlank());
        assertThat(SnapshotJson.read(SnapshotJson.write(example))).isEqualTo(example);
    }

    @Test
    void onlySnapshotsAreReadAsSnapshots() throws IOException {
        assertThat(SnapshotJson.readIfSnapshot("{\"organizationId\": \"o-1\", \"policies\": []}"))
                .hasValueSatisfying(s -> assertThat(s.organizationId()).isEqualTo("o-1"));
        assertThat(SnapshotJson.readIfSnapshot("{\"Version\": \"2012-10-17\", \"Statement\": []}")).isEmpty();
        assertThat(SnapshotJson.readIfSnapshot("{\"organizationId\": \"o-1\"}")).isEmpty();
        assertThat(SnapshotJson.readIfSnapshot("[{\"organizationId\": \"o-1\", \"policies\": []}]")).isEmpty();
        assertThat(SnapshotJson.readIfSnapshot("{\"organizationId\": ")).isEmpty();
        assertThat(SnapshotJson.readIfSnapshot("")).isEmpty();
    }

    @Test
    void aSnapshotShapedDocumentThatIsMalformedIsRefusedNotTakenForAPolicy() {
        assertThatThrownBy(() -> SnapshotJson.readIfSnapshot("{\"organizationId\": \"o-1\", \"policies\": [\"p-1\"]}"))
                .isInstanceOf(IOException.class).hasMessageContaining("policies[0]: must be an object, not a string");
    }

    @Test
    void aMissingOrOptionalTreeIsEmptyAndAbsentFlagsAreFalse() throws IOException {
        OrgSnapshot minimal = SnapshotJson.read("{\"organizationId\": \"o-1\", \"policies\": [{\"id\": \"p-1\", \"name\": \"a\","
                + " \"content\": \"{}\"}]}");

        assertThat(minimal).isEqualTo(new OrgSnapshot("o-1", null, null, null, List.of(), List.of(), List.of(),
                List.of(new OrgSnapshot.Scp("p-1", "a", null, false, "{}", List.of()))));
    }

    @Test
    void aMalformedSnapshotSaysWhereAndWhat() {
        assertRefused("{\"organizationId\": \"o-1\",\n \"policies\": [", "not JSON: ");
        assertRefused("{\"organizationId\": \"o-1\",\n \"policies\": [", "at line 2");
        assertRefused("[]", "a snapshot is a JSON object with organizationId");
        assertRefused("{\"organizationId\": \"o-1\"}", "policies: missing");
        assertRefused("{\"policies\": []}", "organizationId: missing");
        assertRefused("{\"organizationId\": \"o-1\", \"polices\": []}",
                "polices: not a snapshot field (expected one of accounts, managementAccountId,");
        assertRefused("{\"organizationId\": \"o-1\", \"policies\": {}}", "policies: must be an array, not an object");
        assertRefused("{\"organizationId\": \"o-1\", \"policies\": [{\"id\": \"p-1\", \"name\": \"a\", \"content\": \"{}\"},"
                + " {\"id\": \"p-2\", \"name\": \"b\"}]}", "policies[1].content: missing");
        assertRefused("{\"organizationId\": \"o-1\", \"policies\": [], \"accounts\": [{\"id\": \"1\", \"status\": 3,"
                + " \"parentId\": \"r-1\"}]}", "accounts[0].status: must be a string, not a number");
        assertRefused("{\"organizationId\": \"o-1\", \"policies\": [{\"id\": \"p-1\", \"name\": \"a\", \"content\": \"{}\","
                + " \"targetIds\": [\"r-1\", 7]}]}", "policies[0].targetIds[1]: must be a string, not a number");
        assertRefused("{\"organizationId\": \"o-1\", \"policies\": [{\"id\": \"p-1\", \"name\": \"a\", \"content\": \"{}\","
                + " \"awsManaged\": \"yes\"}]}", "policies[0].awsManaged: must be true or false, not a string");
        assertRefused("{\"organizationId\": \"o-1\", \"policies\": [\"p-1\"]}", "policies[0]: must be an object, not a string");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> SnapshotJson.read(json)).isInstanceOf(IOException.class).hasMessageContaining(message);
    }
}
