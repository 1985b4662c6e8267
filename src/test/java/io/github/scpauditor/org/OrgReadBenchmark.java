package io.github.scpauditor.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.scpauditor.testsupport.TestClients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Benchmark, not a timed test (its name keeps it out of the default surefire run): reads a simulated
 * organisation of {@code -Dbench.policies} SCPs (default 300) from a loopback server that enforces
 * Organizations' published rates per API (DescribePolicy 2/s, the List calls 5/s; token buckets of two
 * requests, answering TooManyRequestsException above them) with {@code -Dbench.latencyMillis} (default
 * 50) per request, and prints the wall time against the N/2-second floor set by DescribePolicy.
 * {@code -Dbench.rateShare=0.8} leaves us only 80% of the rates (another caller in the account is
 * using the rest): the read is then throttled, slower, and must still lose nothing.
 *
 * <pre>mvn -B -o -Dscp.buildDir=target-org -Dtest=OrgReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false test</pre>
 */
@Tag("benchmark")
class OrgReadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Double> RATES = Map.of(
            "DescribePolicy", 2.0,
            "ListPolicies", 5.0,
            "ListTargetsForPolicy", 5.0,
            "ListOrganizationalUnitsForParent", 5.0,
            "ListAccountsForParent", 5.0,
            "ListRoots", 5.0,
            "DescribeOrganization", 5.0);
    private static final double BURST = 2;

    @Test
    void scanAtOrganizationsPublishedRates() throws Exception {
        int policies = Integer.getInteger("bench.policies", 300);
        int latency = Integer.getInteger("bench.latencyMillis", 50);
        double share = Double.parseDouble(System.getProperty("bench.rateShare", "1"));
        SimulatedOrganizations server = new SimulatedOrganizations(policies, latency, share);
        try (OrganizationsClient client = TestClients.against(server.endpoint(), Region.CN_NORTHWEST_1,
                OrganizationsClient.builder().overrideConfiguration(o -> o.retryStrategy(OrgReader.retryStrategy())))) {
            long start = System.nanoTime();
            OrgRead read = new OrgReader(client, OrgReader.Limits.PUBLISHED, Clock.systemUTC()).read(() -> Long.MAX_VALUE);
            double seconds = (System.nanoTime() - start) / 1e9;

            double floor = policies / RATES.get("DescribePolicy");
            System.out.printf(Locale.ROOT, "%nOrgReadBenchmark: %d SCPs, %d ms latency per request, server at %.0f%% of"
                            + " the published rates%n"
                            + "  wall time %.1f s, floor N/2 = %.1f s, ratio %.3f (target <= 1.1)%n"
                            + "  client: %d requests, %d throttled; server: %d requests, %d throttled%n%n",
                    policies, latency, share * 100, seconds, floor, seconds / floor, read.stats().apiCalls(), read.stats().throttles(),
                    server.requests.get(), server.throttled.get());

            assertThat(read.errors()).isEmpty();
            assertThat(read.incomplete()).isNull();
            assertThat(read.snapshot().policies()).hasSize(policies);
        } finally {
            server.stop();
        }
    }

    /** Organizations on loopback: JSON 1.1 over POST /, one token bucket per API. */
    static final class SimulatedOrganizations {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final int policies;
        private final int latencyMillis;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();

        SimulatedOrganizations(int policies, int latencyMillis, double share) throws IOException {
            this.policies = policies;
            this.latencyMillis = latencyMillis;
            RATES.forEach((op, rate) -> buckets.put(op, new Bucket(rate * share, BURST)));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void stop() {
            server.stop(0);
            threads.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.incrementAndGet();
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String op = target.substring(target.indexOf('.') + 1);
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                sleep(latencyMillis);
                if (!buckets.get(op).take()) {
                    throttled.incrementAndGet();
                    send(exchange, 400, JSON.createObjectNode().put("__type", "TooManyRequestsException")
                            .put("Message", "Rate exceeded"));
                    return;
                }
                send(exchange, 200, answer(op, body));
            }
        }

        private ObjectNode answer(String op, JsonNode body) {
            ObjectNode o = JSON.createObjectNode();
            switch (op) {
                case "DescribeOrganization" -> o.putObject("Organization").put("Id", OrgWire.ORG)
                        .put("Arn", "arn:aws-cn:organizations::" + OrgWire.MANAGEMENT + ":organization/" + OrgWire.ORG)
                        .put("MasterAccountId", OrgWire.MANAGEMENT);
                case "ListRoots" -> o.putArray("Roots").addObject().put("Id", OrgWire.ROOT).put("Name", "Root")
                        .putArray("PolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
                case "ListOrganizationalUnitsForParent" -> o.putArray("OrganizationalUnits");
                case "ListAccountsForParent" -> OrgWire.account(o.putArray("Accounts"), OrgWire.MANAGEMENT, "management", "ACTIVE");
                case "ListPolicies" -> {
                    // Organizations pages SCPs 20 at a time at most.
                    int from = body.has("NextToken") ? Integer.parseInt(body.get("NextToken").asText()) : 1;
                    int to = Math.min(policies, from + 19);
                    ArrayNode list = o.putArray("Policies");
                    for (int n = from; n <= to; n++) {
                        OrgWire.summary(list.addObject(), n);
                    }
                    if (to < policies) {
                        o.put("NextToken", Integer.toString(to + 1));
                    }
                }
                case "DescribePolicy" -> {
                    int n = Integer.parseInt(body.get("PolicyId").asText().substring(2));
                    ObjectNode policy = o.putObject("Policy");
                    OrgWire.summary(policy.putObject("PolicySummary"), n);
                    policy.put("Content", OrgWire.content(n));
                }
                case "ListTargetsForPolicy" -> OrgWire.target(o.putArray("Targets"), OrgWire.ROOT, "Root", "ROOT");
                default -> throw new IllegalArgumentException(op);
            }
            return o;
        }

        private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static void sleep(int millis) {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A token bucket: {@code rate} tokens a second, at most {@code burst} saved up. */
    static final class Bucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
