package io.github.scpauditor.org;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.scpauditor.org.OrgWire.MANAGEMENT;
import static io.github.scpauditor.org.OrgWire.MEMBER;
import static io.github.scpauditor.org.OrgWire.OU;
import static io.github.scpauditor.org.OrgWire.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** Faults moto cannot produce, answered by WireMock in Organizations' wire format. */
class OrgReaderWireTest {

    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /** Fast enough for a test, still paced; no time kept back. */
    private static final OrgReader.Limits FAST = new OrgReader.Limits(100, 100, 4, Duration.ZERO);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

    private final OrganizationsClient client = OrgWire.client(wire);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void readsEverythingInOrganizationsWireFormat() {
        OrgWire.organisation(wire, 3, 20);

        OrgRead read = read(FAST);

        assertThat(read.snapshot()).isEqualTo(new OrgSnapshot(OrgWire.ORG, MANAGEMENT, "aws-cn", "2026-11-24T02:00:00Z",
                List.of(new OrgSnapshot.Root(ROOT, "Root", List.of("SERVICE_CONTROL_POLICY"))),
                List.of(new OrgSnapshot.OrganizationalUnit(OU, "Workloads", ROOT)),
                List.of(new OrgSnapshot.Account(MANAGEMENT, "management", "ACTIVE", ROOT),
                        new OrgSnapshot.Account(MEMBER, "workload", "ACTIVE", OU)),
                List.of(scp(1, ROOT), scp(2, ROOT), scp(3, ROOT))));
        assertThat(read.errors()).isEmpty();
        assertThat(read.incomplete()).isNull();
        // DescribeOrganization, ListRoots, ListPolicies, 3 × 2 per policy, 2 × 2 for the tree.
        assertThat(read.stats().apiCalls()).isEqualTo(13);
        assertThat(read.stats().throttles()).isZero();
    }

    @Test
    void aThrottledCallIsRetriedAndCounted() {
        OrgWire.organisation(wire, 3, 20);
        wire.stubFor(OrgWire.forPolicy("DescribePolicy", "p-2").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(OrgWire.throttled()).willSetStateTo("once"));
        wire.stubFor(OrgWire.forPolicy("DescribePolicy", "p-2").inScenario("throttle").whenScenarioStateIs("once")
                .willReturn(OrgWire.throttled()).willSetStateTo("twice"));

        OrgRead read = read(FAST);

        assertThat(read.errors()).isEmpty();
        assertThat(read.snapshot().policies()).containsExactly(scp(1, ROOT), scp(2, ROOT), scp(3, ROOT));
        assertThat(read.stats().throttles()).isEqualTo(2);
        assertThat(read.stats().apiCalls()).isEqualTo(13 + 2);
        wire.verify(3, OrgWire.requested("DescribePolicy")
                .withRequestBody(matchingJsonPath("$.PolicyId",
                        equalTo("p-2"))));
    }

    @Test
    void aCallStillThrottledAfterTheSdkRetriesIsTriedAgainAtASlowerPace() {
        OrgWire.organisation(wire, 3, 20);
        // Five throttles in a row: one more than the SDK's four attempts.
        String state = STARTED;
        for (int n = 1; n <= 5; n++) {
            wire.stubFor(OrgWire.forPolicy("ListTargetsForPolicy", "p-3").inScenario("throttled").whenScenarioStateIs(state)
                    .willReturn(OrgWire.throttled()).willSetStateTo("throttled-" + n));
            state = "throttled-" + n;
        }

        OrgRead read = read(FAST);

        assertThat(read.errors()).isEmpty();
        assertThat(read.snapshot().policies()).containsExactly(scp(1, ROOT), scp(2, ROOT), scp(3, ROOT));
        assertThat(read.stats().throttles()).isEqualTo(5);
        wire.verify(6, OrgWire.requested("ListTargetsForPolicy").withRequestBody(matchingJsonPath("$.PolicyId",
                equalTo("p-3"))));
    }

    @Test
    void aServerErrorIsRetriedWithoutCountingAsThrottling() {
        OrgWire.organisation(wire, 2, 20);
        wire.stubFor(OrgWire.forPolicy("ListTargetsForPolicy", "p-1").inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(OrgWire.error(500, "ServiceException", "AWS Organizations can't complete your request"))
                .willSetStateTo("failed"));

        OrgRead read = read(FAST);

        assertThat(read.errors()).isEmpty();
        assertThat(read.snapshot().policies()).containsExactly(scp(1, ROOT), scp(2, ROOT));
        assertThat(read.stats().apiCalls()).isEqualTo(11 + 1);
        assertThat(read.stats().throttles()).isZero();
    }

    @Test
    void accessDeniedStopsTheReadWithAMessageForTheOperator() {
        OrgWire.organisation(wire, 2, 20);
        wire.stubFor(OrgWire.op("DescribeOrganization").willReturn(OrgWire.error(400, "AccessDeniedException",
                "You don't have permissions to access this resource.")));

        assertThatThrownBy(() -> read(FAST))
                .isInstanceOfSatisfying(OrgReadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OrgReadException.Kind.ACCESS_DENIED);
                    assertThat(e.getMessage()).isEqualTo("Access denied calling organizations:DescribeOrganization."
                            + " Run scp-auditor in the organisation's management account or a delegated administrator"
                            + " account, with a role allowed the read-only Organizations actions (see template.yaml)."
                            + " AWS said: You don't have permissions to access this resource.");
                });
        wire.verify(1, OrgWire.requested("DescribeOrganization"));
        wire.verify(0, OrgWire.requested("ListPolicies"));
    }

    @Test
    void accessDeniedOnOnePolicyStillStopsTheRead() {
        OrgWire.organisation(wire, 3, 20);
        wire.stubFor(OrgWire.forPolicy("DescribePolicy", "p-2").willReturn(OrgWire.error(400, "AccessDeniedException",
                "not allowed organizations:DescribePolicy")));

        assertThatThrownBy(() -> read(FAST))
                .isInstanceOfSatisfying(OrgReadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OrgReadException.Kind.ACCESS_DENIED);
                    assertThat(e.getMessage()).startsWith("Access denied calling organizations:DescribePolicy.");
                });
    }

    @Test
    void anAccountOutsideAnyOrganisationIsToldSo() {
        wire.stubFor(OrgWire.op("DescribeOrganization").willReturn(OrgWire.error(400, "AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization.")));

        assertThatThrownBy(() -> read(FAST))
                .isInstanceOfSatisfying(OrgReadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OrgReadException.Kind.NOT_IN_ORGANIZATION);
                    assertThat(e.getMessage()).contains("This account is not a member of an organisation")
                            .contains("management account or a delegated administrator");
                });
    }

    @Test
    void everyPageIsReadPoliciesTargetsAndAccounts() {
        OrgWire.organisation(wire, 45, 20);
        // p-7's targets come in three pages.
        wire.stubFor(OrgWire.forPolicy("ListTargetsForPolicy", "p-7")
                .withRequestBody(matchingJsonPath("$.NextToken",
                        absent()))
                .willReturn(OrgWire.ok(o -> {
                    OrgWire.target(o.putArray("Targets"), ROOT, "Root", "ROOT");
                    o.put("NextToken", "t1");
                })));
        wire.stubFor(OrgWire.forPolicy("ListTargetsForPolicy", "p-7")
                .withRequestBody(matchingJsonPath("$.NextToken",
                        equalTo("t1")))
                .willReturn(OrgWire.ok(o -> {
                    o.putArray("Targets");
                    o.put("NextToken", "t2");
                })));
        wire.stubFor(OrgWire.forPolicy("ListTargetsForPolicy", "p-7")
                .withRequestBody(matchingJsonPath("$.NextToken",
                        equalTo("t2")))
                .willReturn(OrgWire.ok(o -> OrgWire.target(o.putArray("Targets"), OU, "Workloads", "ORGANIZATIONAL_UNIT"))));

        OrgRead read = read(FAST);

        assertThat(read.errors()).isEmpty();
        assertThat(read.snapshot().policies()).extracting(OrgSnapshot.Scp::id).containsExactlyElementsOf(OrgWire.ids(1, 45));
        assertThat(read.snapshot().policies()).allSatisfy(p ->
                assertThat(p.content()).isEqualTo(OrgWire.content(Integer.parseInt(p.id().substring(2)))));
        assertThat(read.snapshot().policies().get(6).targetIds()).containsExactly(ROOT, OU);
        wire.verify(3, OrgWire.requested("ListPolicies"));
        wire.verify(45, OrgWire.requested("DescribePolicy"));
        wire.verify(44 + 3, OrgWire.requested("ListTargetsForPolicy"));
    }

    @Test
    void aPolicyThatCannotBeReadIsAnErrorAndTheOthersAreRead() {
        OrgWire.organisation(wire, 4, 20);
        wire.stubFor(OrgWire.forPolicy("DescribePolicy", "p-3").willReturn(OrgWire.error(500, "ServiceException",
                "AWS Organizations can't complete your request because of an internal service error.")));

        OrgRead read = read(FAST);

        assertThat(read.snapshot().policies()).containsExactly(scp(1, ROOT), scp(2, ROOT), scp(4, ROOT));
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("policy-3 (p-3)");
            assertThat(e.message()).startsWith("Reading this SCP failed after retries, so it was not audited: ")
                    .contains("internal service error");
        });
        assertThat(read.incomplete()).isNull();
        wire.verify(4, OrgWire.requested("DescribePolicy")
                .withRequestBody(matchingJsonPath("$.PolicyId",
                        equalTo("p-3"))));
    }

    @Test
    void whenTimeRunsOutTheUnreadPoliciesAreListed() {
        OrgWire.organisation(wire, 10, 20);
        // One DescribePolicy at a time, slower than the rest, so the targets and the tree are read first;
        // after three DescribePolicy calls only 31 s are left, 1 s beyond the 30 s kept back.
        OrgReader.Limits limits = new OrgReader.Limits(5, 100, 1, Duration.ofSeconds(30));
        OrgReader reader = new OrgReader(client, limits, CLOCK);

        OrgRead read = reader.read(() -> wire.countRequestsMatching(OrgWire.requested("DescribePolicy").build()).getCount() < 3
                ? 60_000 : 31_000);

        assertThat(read.snapshot().policies()).containsExactly(scp(1, ROOT), scp(2, ROOT), scp(3, ROOT));
        assertThat(read.errors()).isEmpty();
        assertThat(read.incomplete().notRead()).containsExactlyElementsOf(IntStream.rangeClosed(4, 10)
                .mapToObj(n -> "policy-" + n + " (p-" + n + ")").toList());
        assertThat(read.incomplete().reason()).isEqualTo("Time ran out: the rest could not be read while keeping 30 s to"
                + " audit and publish; 3 SCPs were read, 7 were not.");
        wire.verify(3, OrgWire.requested("DescribePolicy"));
    }

    private OrgRead read(OrgReader.Limits limits) {
        return new OrgReader(client, limits, CLOCK).read(() -> Long.MAX_VALUE);
    }

    private static OrgSnapshot.Scp scp(int n, String... targets) {
        return new OrgSnapshot.Scp("p-" + n, "policy-" + n,
                "arn:aws-cn:organizations::" + MANAGEMENT + ":policy/" + OrgWire.ORG + "/service_control_policy/p-" + n,
                false, OrgWire.content(n), List.of(targets));
    }
}
