package io.github.scpauditor.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SNS on a WireMock loopback server, in SNS's real wire format: the query protocol (form-encoded POST with
 * Action=Publish) answered with the XML documents of the SNS API reference.
 */
public final class SnsWire {

    public static final String TOPIC_ARN = "arn:aws-cn:sns:cn-north-1:123456789012:scp-auditor-findings";

    private SnsWire() {
    }

    /** What one Publish request carried. */
    public record Published(String topicArn, String subject, String message, Map<String, String> attributes,
            Map<String, String> attributeTypes) {
    }

    /** The SNS client exactly as production builds it (retry strategy, HTTP client), pointed at the server. */
    public static SnsClient client(WireMockExtension server) {
        return SnsPublisher.clientBuilder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    public static void acceptEverything(WireMockExtension server) {
        server.stubFor(post("/").withRequestBody(containing("Action=Publish")).willReturn(ok()));
    }

    /** The first {@code failures} Publish calls get a 500 InternalError, the ones after succeed. */
    public static void failThenAccept(WireMockExtension server, int failures) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed " + i;
            server.stubFor(post("/").inScenario("flaky SNS").whenScenarioStateIs(state)
                    .willReturn(internalError()).willSetStateTo(next));
            state = next;
        }
        server.stubFor(post("/").inScenario("flaky SNS").whenScenarioStateIs(state).willReturn(ok()));
    }

    public static void failEverything(WireMockExtension server) {
        server.stubFor(post("/").willReturn(internalError()));
    }

    public static void denyEverything(WireMockExtension server) {
        server.stubFor(post("/").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
                .withBody(error("Sender", "AuthorizationError", "User is not authorized to perform: SNS:Publish"))));
    }

    /** Every Publish the server received, in order. */
    public static List<Published> published(WireMockExtension server) {
        List<Published> out = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo("/")))) {
            Map<String, String> form = form(r.getBodyAsString());
            if (!"Publish".equals(form.get("Action"))) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
                String prefix = "MessageAttributes.entry." + i;
                String name = form.get(prefix + ".Name");
                attributes.put(name, form.get(prefix + ".Value.StringValue"));
                types.put(name, form.get(prefix + ".Value.DataType"));
            }
            out.add(new Published(form.get("TopicArn"), form.get("Subject"), form.get("Message"), attributes, types));
        }
        return out;
    }

    public static int publishAttempts(WireMockExtension server) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))).size();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishResult>
                    <MessageId>{{randomValue type='UUID'}}</MessageId>
                  </PublishResult>
                  <ResponseMetadata>
                    <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>
                  </ResponseMetadata>
                </PublishResponse>
                """).withTransformers("response-template");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder internalError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
                .withBody(error("Receiver", "InternalError", "Internal Error"));
    }

    private static String error(String type, String code, String message) {
        return """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error>
                    <Type>%s</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
                </ErrorResponse>
                """.formatted(type, code, message);
    }
}
