package io.github.scpauditor.org;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.scpauditor.testsupport.TestClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Organizations on the wire (AWS JSON 1.1: POST /, {@code X-Amz-Target: AWSOrganizationsV20161128.<Op>},
 * errors as {@code {"__type": ..., "Message": ...}}) for WireMock: a small organisation whose policies
 * are "policy-1" (p-1) … "policy-N", each attached to the root, listed in pages.
 */
final class OrgWire {

    static final String ORG = "o-exampleorg1";
    static final String MANAGEMENT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String ROOT = "r-ex01";
    static final String OU = "ou-ex01-workload";
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    static final String CONTENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S%d\",\"Effect\":\"Deny\","
            + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrgWire() {
    }

    static OrganizationsClient client(WireMockExtension wire) {
        return TestClients.against(URI.create(wire.baseUrl()), Region.CN_NORTHWEST_1, OrganizationsClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(OrgReader.retryStrategy())));
    }

    static String content(int n) {
        return String.format(CONTENT, n);
    }

    /** The organisation with {@code policies} SCPs, ListPolicies answering {@code pageSize} a page. */
    static void organisation(WireMockExtension wire, int policies, int pageSize) {
        wire.stubFor(op("DescribeOrganization").willReturn(ok(o -> o.putObject("Organization")
                .put("Id", ORG)
                .put("Arn", "arn:aws-cn:organizations::" + MANAGEMENT + ":organization/" + ORG)
                .put("FeatureSet", "ALL")
                .put("MasterAccountId", MANAGEMENT)
                .put("MasterAccountArn", "arn:aws-cn:organizations::" + MANAGEMENT + ":account/" + ORG + "/" + MANAGEMENT)
                .put("MasterAccountEmail", "root@example.cn"))));
        wire.stubFor(op("ListRoots").willReturn(ok(o -> {
            ObjectNode root = o.putArray("Roots").addObject().put("Id", ROOT).put("Name", "Root")
                    .put("Arn", "arn:aws-cn:organizations::" + MANAGEMENT + ":root/" + ORG + "/" + ROOT);
            root.putArray("PolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
        })));
        wire.stubFor(op("ListOrganizationalUnitsForParent").withRequestBody(matchingJsonPath("$.ParentId", equalTo(ROOT)))
                .willReturn(ok(o -> o.putArray("OrganizationalUnits").addObject().put("Id", OU).put("Name", "Workloads")
                        .put("Arn", "arn:aws-cn:organizations::" + MANAGEMENT + ":ou/" + ORG + "/" + OU))));
        wire.stubFor(op("ListOrganizationalUnitsForParent").withRequestBody(matchingJsonPath("$.ParentId", equalTo(OU)))
                .willReturn(ok(o -> o.putArray("OrganizationalUnits"))));
        wire.stubFor(op("ListAccountsForParent").withRequestBody(matchingJsonPath("$.ParentId", equalTo(ROOT)))
                .willReturn(ok(o -> account(o.putArray("Accounts"), MANAGEMENT, "management", "ACTIVE"))));
        wire.stubFor(op("ListAccountsForParent").withRequestBody(matchingJsonPath("$.ParentId", equalTo(OU)))
                .willReturn(ok(o -> account(o.putArray("Accounts"), MEMBER, "workload", "ACTIVE"))));

        int pages = Math.max(1, (policies + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            int first = page * pageSize + 1;
            int last = Math.min(policies, first + pageSize - 1);
            boolean more = page < pages - 1;
            String token = "page-" + (page + 1);
            MappingBuilder request = op("ListPolicies")
                    .withRequestBody(matchingJsonPath("$.Filter", equalTo("SERVICE_CONTROL_POLICY")))
                    .withRequestBody(page == 0 ? matchingJsonPath("$.NextToken", absent())
                            : matchingJsonPath("$.NextToken", equalTo("page-" + page)));
            wire.stubFor(request.willReturn(ok(o -> {
                ArrayNode list = o.putArray("Policies");
                for (int n = first; n <= last; n++) {
                    summary(list.addObject(), n);
                }
                if (more) {
                    o.put("NextToken", token);
                }
            })));
        }
        for (int n = 1; n <= policies; n++) {
            int number = n;
            wire.stubFor(op("DescribePolicy").withRequestBody(matchingJsonPath("$.PolicyId", equalTo("p-" + n)))
                    .willReturn(ok(o -> {
                        ObjectNode policy = o.putObject("Policy");
                        summary(policy.putObject("PolicySummary"), number);
                        policy.put("Content", content(number));
                    })));
            wire.stubFor(op("ListTargetsForPolicy").withRequestBody(matchingJsonPath("$.PolicyId", equalTo("p-" + n)))
                    .willReturn(ok(o -> target(o.putArray("Targets"), ROOT, "Root", "ROOT"))));
        }
    }

    static MappingBuilder op(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    static RequestPatternBuilder requested(String operation) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    static MappingBuilder forPolicy(String operation, String policyId) {
        return op(operation).withRequestBody(matchingJsonPath("$.PolicyId", equalTo(policyId)));
    }

    static ResponseDefinitionBuilder ok(Consumer<ObjectNode> body) {
        ObjectNode o = JSON.createObjectNode();
        body.accept(o);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555").withBody(o.toString());
    }

    /** An Organizations error as the service sends it. */
    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555")
                .withBody(JSON.createObjectNode().put("__type", type).put("Message", message).toString());
    }

    static ResponseDefinitionBuilder throttled() {
        return error(400, "TooManyRequestsException", "AWS Organizations can't complete your request because another"
                + " request is already in progress. Try again later.");
    }

    static void summary(ObjectNode o, int n) {
        o.put("Id", "p-" + n).put("Name", "policy-" + n).put("Description", "")
                .put("Arn", "arn:aws-cn:organizations::" + MANAGEMENT + ":policy/" + ORG + "/service_control_policy/p-" + n)
                .put("Type", "SERVICE_CONTROL_POLICY").put("AwsManaged", false);
    }

    static void target(ArrayNode targets, String id, String name, String type) {
        targets.addObject().put("TargetId", id).put("Name", name).put("Type", type)
                .put("Arn", "arn:aws-cn:organizations::" + MANAGEMENT + ":target/" + id);
    }

    static void account(ArrayNode accounts, String id, String name, String status) {
        accounts.addObject().put("Id", id).put("Name", name).put("Status", status).put("Email", name + "@example.cn")
                .put("Arn", "arn:aws-cn:organizations::" + MANAGEMENT + ":account/" + ORG + "/" + id);
    }

    /** The policy ids p-1 … p-n. */
    static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            ids.add("p-" + n);
        }
        return ids;
    }
}
