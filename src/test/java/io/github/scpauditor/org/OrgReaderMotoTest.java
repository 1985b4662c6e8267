package io.github.scpauditor.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.report.Exposure;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.testsupport.Moto;
import io.github.scpauditor.testsupport.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * End to end against moto: an organisation built through the SDK (OUs at two levels, accounts, SCPs
 * attached at root, OU and account level, one unattached), read back by OrgReader exactly.
 */
@ExtendWith(MotoServer.class)
class OrgReaderMotoTest {

    private static final Instant READ_AT = Instant.parse("2026-11-24T02:00:00Z");

    private static OrganizationsClient client;
    private static Organization organization;
    private static String root;
    private static String workloads;
    private static String prod;
    private static String dev;
    private static String sandbox;
    private static String fullAccess;
    private static Map<String, String> accounts;
    private static Map<String, String> policies;

    @BeforeAll
    static void buildOrganisation(Moto moto) {
        client = moto.client(OrganizationsClient.builder());
        organization = client.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization();
        root = client.listRoots().roots().get(0).id();
        client.enablePolicyType(r -> r.rootId(root).policyType(PolicyType.SERVICE_CONTROL_POLICY));
        fullAccess = client.listPolicies(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).policies().stream()
                .filter(PolicySummary::awsManaged).findFirst().orElseThrow().id();

        workloads = ou(root, "Workloads");
        prod = ou(workloads, "Prod");
        dev = ou(workloads, "Dev");
        sandbox = ou(root, "Sandbox");
        accounts = Map.of(
                "payments-prod", account("payments-prod", prod),
                "payments-dev", account("payments-dev", dev),
                "data-sandbox", account("data-sandbox", sandbox),
                "closed-sandbox", account("closed-sandbox", sandbox));
        client.closeAccount(r -> r.accountId(accounts.get("closed-sandbox")));

        policies = Map.of(
                "china-region-deny", policy("china-region-deny", "region-deny.json"),
                "us-region-lockout", policy("us-region-lockout", "us-region-lockout.json"),
                "deny-bedrock", policy("deny-bedrock", "bedrock-deny.json"),
                "deny-leave", policy("deny-leave", "deny-leave.json"),
                "old-experiment", policy("old-experiment", "deny-leave.json"));
        attach("china-region-deny", root);
        attach("us-region-lockout", sandbox);
        attach("deny-bedrock", workloads);
        attach("deny-bedrock", accounts.get("data-sandbox"));
        attach("deny-leave", organization.masterAccountId());
        attach("deny-leave", prod);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void readsTheWholeOrganisationExactly() {
        OrgRead read = reader().read(() -> Long.MAX_VALUE);
        OrgSnapshot snapshot = read.snapshot();

        assertThat(read.errors()).isEmpty();
        assertThat(read.incomplete()).isNull();
        assertThat(snapshot.organizationId()).isEqualTo(organization.id());
        assertThat(snapshot.managementAccountId()).isEqualTo(organization.masterAccountId());
        assertThat(snapshot.partition()).isEqualTo("aws-cn");
        assertThat(snapshot.readAt()).isEqualTo("2026-11-24T02:00:00Z");
        assertThat(snapshot.roots()).containsExactly(new OrgSnapshot.Root(root, "Root", List.of("SERVICE_CONTROL_POLICY")));
        assertThat(snapshot.organizationalUnits()).containsExactlyInAnyOrder(
                new OrgSnapshot.OrganizationalUnit(workloads, "Workloads", root),
                new OrgSnapshot.OrganizationalUnit(sandbox, "Sandbox", root),
                new OrgSnapshot.OrganizationalUnit(prod, "Prod", workloads),
                new OrgSnapshot.OrganizationalUnit(dev, "Dev", workloads));
        assertThat(snapshot.accounts()).extracting(OrgSnapshot.Account::id, OrgSnapshot.Account::status,
                OrgSnapshot.Account::parentId).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(organization.masterAccountId(), "ACTIVE", root),
                        org.assertj.core.groups.Tuple.tuple(accounts.get("payments-prod"), "ACTIVE", prod),
                        org.assertj.core.groups.Tuple.tuple(accounts.get("payments-dev"), "ACTIVE", dev),
                        org.assertj.core.groups.Tuple.tuple(accounts.get("data-sandbox"), "ACTIVE", sandbox),
                        org.assertj.core.groups.Tuple.tuple(accounts.get("closed-sandbox"), "SUSPENDED", sandbox));
        assertThat(snapshot.accounts()).filteredOn(a -> !a.id().equals(organization.masterAccountId()))
                .extracting(OrgSnapshot.Account::name)
                .containsExactlyInAnyOrder("payments-prod", "payments-dev", "data-sandbox", "closed-sandbox");

        Map<String, OrgSnapshot.Scp> byName = snapshot.policies().stream()
                .collect(Collectors.toMap(OrgSnapshot.Scp::name, p -> p));
        assertThat(byName).containsOnlyKeys("FullAWSAccess", "china-region-deny", "us-region-lockout", "deny-bedrock",
                "deny-leave", "old-experiment");
        assertThat(byName.get("FullAWSAccess").awsManaged()).isTrue();
        assertThat(byName.get("FullAWSAccess").id()).isEqualTo(fullAccess);
        assertThat(byName.get("china-region-deny").content()).isEqualTo(resource("region-deny.json"));
        assertThat(byName.get("deny-leave").content()).isEqualTo(resource("deny-leave.json"));
        policies.forEach((name, id) -> {
            assertThat(byName.get(name).id()).isEqualTo(id);
            assertThat(byName.get(name).awsManaged()).isFalse();
            assertThat(byName.get(name).arn()).endsWith("/service_control_policy/" + id);
        });
        assertThat(byName.get("china-region-deny").targetIds()).containsExactly(root);
        assertThat(byName.get("us-region-lockout").targetIds()).containsExactly(sandbox);
        assertThat(byName.get("deny-bedrock").targetIds()).containsExactlyInAnyOrder(workloads, accounts.get("data-sandbox"));
        assertThat(byName.get("deny-leave").targetIds()).containsExactlyInAnyOrder(organization.masterAccountId(), prod);
        assertThat(byName.get("old-experiment").targetIds()).isEmpty();

        // 1 DescribeOrganization + 1 ListRoots + 1 ListPolicies + 6 × (DescribePolicy + ListTargetsForPolicy)
        // + 2 calls for each of root and 4 OUs; no retries against moto.
        assertThat(read.stats().apiCalls()).isEqualTo(3 + 12 + 10);
        assertThat(read.stats().throttles()).isZero();
    }

    @Test
    void theSnapshotReadBackFromJsonIsTheSame() throws IOException {
        OrgSnapshot snapshot = reader().read(() -> Long.MAX_VALUE).snapshot();

        assertThat(SnapshotJson.read(SnapshotJson.write(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void theAuditOfTheReadOrganisationCarriesTheBlastRadius() {
        OrgSnapshot snapshot = reader().read(() -> Long.MAX_VALUE).snapshot();

        Report report = new OrgAuditor(new Auditor(Partition.of("aws-cn"), 10_240)).audit(snapshot, List.of(), null);

        assertThat(report.findings()).extracting(Finding::source).noneMatch(s -> s.startsWith("FullAWSAccess"));
        Finding lockout = report.findings().get(0);
        assertThat(lockout.checkId()).isEqualTo("REGION_LOCKOUT");
        assertThat(lockout.source()).isEqualTo("us-region-lockout (" + policies.get("us-region-lockout") + ")");
        // Sandbox holds one active and one suspended account.
        assertThat(lockout.exposure()).isEqualTo(new Exposure(List.of(new Exposure.Target(sandbox, "Sandbox",
                "ORGANIZATIONAL_UNIT")), 1));
        assertThat(report.findings()).filteredOn(f -> f.checkId().equals("UNATTACHED_POLICY"))
                .extracting(Finding::source).containsExactly("old-experiment (" + policies.get("old-experiment") + ")");
        assertThat(report.findings()).filteredOn(f -> f.checkId().equals("MANAGEMENT_ACCOUNT_TARGET"))
                .singleElement().satisfies(f -> {
                    assertThat(f.source()).isEqualTo("deny-leave (" + policies.get("deny-leave") + ")");
                    // Attached to the management account and Prod: only payments-prod is restricted.
                    assertThat(f.exposure().activeAccounts()).isEqualTo(1);
                });
        assertThat(report.findings()).filteredOn(f -> f.source().startsWith("deny-bedrock"))
                .allSatisfy(f -> assertThat(f.exposure().activeAccounts()).isEqualTo(3));
    }

    private static OrgReader reader() {
        return new OrgReader(client, new OrgReader.Limits(50, 50, 4, Duration.ZERO), Clock.fixed(READ_AT, ZoneOffset.UTC));
    }

    private static String ou(String parent, String name) {
        return client.createOrganizationalUnit(r -> r.parentId(parent).name(name)).organizationalUnit().id();
    }

    private static String account(String name, String parent) {
        String id = client.createAccount(r -> r.accountName(name).email(name + "@example.cn")).createAccountStatus().accountId();
        client.moveAccount(r -> r.accountId(id).sourceParentId(root).destinationParentId(parent));
        return id;
    }

    private static String policy(String name, String file) {
        return client.createPolicy(r -> r.name(name).description(name).type(PolicyType.SERVICE_CONTROL_POLICY)
                .content(resource(file))).policy().policySummary().id();
    }

    private static void attach(String policy, String target) {
        client.attachPolicy(r -> r.policyId(policies.get(policy)).targetId(target));
    }

    static String resource(String file) {
        try (InputStream in = OrgReaderMotoTest.class.getResourceAsStream("/org/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
