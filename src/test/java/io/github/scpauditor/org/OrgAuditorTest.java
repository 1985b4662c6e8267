package io.github.scpauditor.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.report.Exposure;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgAuditorTest {

    private static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    private static final String LOCKOUT = OrgReaderMotoTest.resource("us-region-lockout.json");
    private static final String CHINA_DENY = OrgReaderMotoTest.resource("region-deny.json");

    private static final OrgAuditor AUDITOR = new OrgAuditor(new Auditor(Partition.of("aws-cn"), 10_240));

    private static final Exposure.Target ROOT = new Exposure.Target("r-1", "Root", "ROOT");
    private static final Exposure.Target PROD = new Exposure.Target("ou-1-prod", "Prod", "ORGANIZATIONAL_UNIT");

    @Test
    void findingsOnAttachedPoliciesCarryTheirBlastRadiusWidestFirst() {
        Report report = AUDITOR.audit(snapshot(List.of("SERVICE_CONTROL_POLICY"),
                scp("p-prod", "prod-lockout", LOCKOUT, "ou-1-prod"),
                scp("p-root", "root-lockout", LOCKOUT, "r-1")), List.of(), null);

        List<Finding> lockouts = report.findings().stream().filter(f -> f.checkId().equals("REGION_LOCKOUT")).toList();
        // Root: shared, payments and data are active; the management account is never restricted; closed is suspended.
        assertThat(lockouts).extracting(Finding::source, Finding::exposure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("root-lockout (p-root)", new Exposure(List.of(ROOT), 3)),
                org.assertj.core.groups.Tuple.tuple("prod-lockout (p-prod)", new Exposure(List.of(PROD), 1)));
        assertThat(report.findings().get(0)).isEqualTo(lockouts.get(0));
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.exposure()).isIn(
                new Exposure(List.of(ROOT), 3), new Exposure(List.of(PROD), 1)));
        assertThat(report.findings()).isSortedAccordingTo(Report.ORDER);
        assertThat(report.summary().policies()).isEqualTo(2);
        assertThat(report.partition()).isEqualTo("aws-cn");
    }

    @Test
    void accountsUnderSeveralTargetsCountOnce() {
        Report report = AUDITOR.audit(snapshot(List.of("SERVICE_CONTROL_POLICY"),
                scp("p-x", "lockout", LOCKOUT, "ou-1-work", "ou-1-prod", "333333333333", "555555555555")), List.of(), null);

        assertThat(report.findings()).filteredOn(f -> f.checkId().equals("REGION_LOCKOUT")).singleElement()
                .extracting(Finding::exposure).isEqualTo(new Exposure(List.of(
                        new Exposure.Target("ou-1-work", "Workloads", "ORGANIZATIONAL_UNIT"), PROD,
                        new Exposure.Target("333333333333", "payments", "ACCOUNT"),
                        new Exposure.Target("555555555555", "data", "ACCOUNT")), 3));
    }

    @Test
    void theAwsManagedFullAccessPolicyAndACleanRegionDenyGiveNoFindings() {
        Report report = AUDITOR.audit(snapshot(List.of("SERVICE_CONTROL_POLICY"),
                new OrgSnapshot.Scp("p-FullAWSAccess", "FullAWSAccess", null, true, FULL_ACCESS,
                        List.of("r-1", "ou-1-work", "ou-1-prod", "111111111111", "222222222222")),
                scp("p-china", "china-only", CHINA_DENY, "r-1")), List.of(), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.errors()).isEmpty();
        assertThat(report.summary().policies()).isEqualTo(2);
    }

    @Test
    void withScpsDisabledNothingIsExposedAndTheRootIsReported() {
        Report report = AUDITOR.audit(snapshot(List.of(), scp("p-root", "root-lockout", LOCKOUT, "r-1")), List.of(), null);

        assertThat(report.findings().get(0).checkId()).isEqualTo("REGION_LOCKOUT");
        assertThat(report.findings()).filteredOn(f -> f.source().startsWith("root-lockout"))
                .allSatisfy(f -> assertThat(f.exposure()).isEqualTo(new Exposure(List.of(ROOT), 0)));
        assertThat(report.findings()).filteredOn(f -> f.checkId().equals("POLICY_TYPE_DISABLED")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.source()).isEqualTo("Root (r-1)");
                });
        assertThat(report.findings()).noneMatch(f -> f.checkId().equals("UNATTACHED_POLICY"));
    }

    @Test
    void anUnattachedPolicyIsAuditedWithoutExposureAndReadProblemsAreKept() {
        InputError failed = new InputError("broken (p-broken)", "Reading this SCP failed after retries");
        Report.Incomplete incomplete = new Report.Incomplete("Time ran out", List.of("late (p-late)"));

        Report report = AUDITOR.audit(snapshot(List.of("SERVICE_CONTROL_POLICY"), scp("p-idle", "idle-lockout", LOCKOUT)),
                List.of(failed), incomplete);

        assertThat(report.findings()).extracting(Finding::source).containsOnly("idle-lockout (p-idle)");
        assertThat(report.findings()).extracting(Finding::exposure).containsOnlyNulls();
        assertThat(report.findings()).extracting(Finding::checkId).contains("REGION_LOCKOUT", "UNATTACHED_POLICY");
        assertThat(report.errors()).containsExactly(failed);
        assertThat(report.incomplete()).isEqualTo(incomplete);
    }

    private static OrgSnapshot.Scp scp(String id, String name, String content, String... targets) {
        return new OrgSnapshot.Scp(id, name, null, false, content, List.of(targets));
    }

    private static OrgSnapshot snapshot(List<String> policyTypes, OrgSnapshot.Scp... policies) {
        return new OrgSnapshot("o-fixture01", "111111111111", "aws-cn", "2026-11-24T02:00:00Z",
                List.of(new OrgSnapshot.Root("r-1", "Root", policyTypes)),
                List.of(new OrgSnapshot.OrganizationalUnit("ou-1-work", "Workloads", "r-1"),
                        new OrgSnapshot.OrganizationalUnit("ou-1-prod", "Prod", "ou-1-work")),
                List.of(new OrgSnapshot.Account("111111111111", "management", "ACTIVE", "r-1"),
                        new OrgSnapshot.Account("222222222222", "shared", "ACTIVE", "ou-1-work"),
                        new OrgSnapshot.Account("333333333333", "payments", "ACTIVE", "ou-1-prod"),
                        new OrgSnapshot.Account("444444444444", "closed", "SUSPENDED", "ou-1-prod"),
                        new OrgSnapshot.Account("555555555555", "data", "ACTIVE", "r-1")),
                List.of(policies));
    }
}
