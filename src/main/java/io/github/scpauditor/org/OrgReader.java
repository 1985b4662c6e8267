package io.github.scpauditor.org;

import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.PolicyTypeSummary;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/**
 * Reads the whole organisation through the AWS SDK (Organizations client, standard configuration).
 *
 * <p>Organizations is slow by design (DescribePolicy about 2 requests/s, the List calls about 5/s), so the
 * read is a set of streams each paced at its API's published rate and run side by side: DescribePolicy
 * for every SCP, ListTargetsForPolicy for every SCP, and the OU tree. A scan of N policies therefore
 * takes about N/2 seconds (the DescribePolicy stream), neither slower because of us nor faster by
 * hammering the API into throttling.
 */
public final class OrgReader {

    static final String SCP = "SERVICE_CONTROL_POLICY";

    /**
     * How fast to call and how much time to keep. Rates are requests per second per API; {@code threads}
     * bounds the calls in flight per stream (a few, so one slow or retried call does not stall the
     * pace); {@code reserve} is kept back from the time left for auditing and publishing.
     */
    public record Limits(double describePolicyPerSecond, double listPerSecond, int threads, Duration reserve) {
        /** Organizations' published rates; 30 s left for the audit (milliseconds) and SNS publishing with retries. */
        public static final Limits PUBLISHED = new Limits(2, 5, 4, Duration.ofSeconds(30));
    }

    /** A call is not started with less than this much time before the reserve: it could not finish. */
    private static final long MIN_CALL_MILLIS = 2_000;
    private static final long MAX_CALL_MILLIS = 60_000;
    /** The largest page the List calls return: fewer calls at the same rate. */
    private static final int PAGE = 20;
    /** Rounds of the SDK's retries a throttled call gets before it counts as failed. */
    private static final int THROTTLED_ROUNDS = 8;

    private final OrganizationsClient client;
    private final Limits limits;
    private final Clock clock;

    public OrgReader(OrganizationsClient client) {
        this(client, Limits.PUBLISHED, Clock.systemUTC());
    }

    public OrgReader(OrganizationsClient client, Limits limits, Clock clock) {
        this.client = client;
        this.limits = limits;
        this.clock = clock;
    }

    /** Builds the Organizations client the SDK's standard way (AWS_REGION, default credentials, AWS_ENDPOINT_URL). */
    public static OrgReader fromEnvironment() {
        return new OrgReader(OrganizationsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy())
                        .apiCallAttemptTimeout(Duration.ofSeconds(15)))
                .build());
    }

    /**
     * The retry strategy of the Organizations client: the SDK's standard strategy with exponential
     * back-off and full jitter, and a longer back-off for throttling (TooManyRequestsException). Not
     * adaptive: its client-side limiter is one bucket per client, so a throttled DescribePolicy would
     * also slow ListTargetsForPolicy, whose budget is separate; we pace each API ourselves instead,
     * slowing the API that throttles, and give a call still throttled after these attempts further
     * rounds at that slower pace.
     */
    public static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(4)
                .retryOnExceptionInstanceOf(TooManyRequestsException.class)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(10)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(20)))
                .build();
    }

    /**
     * Reads roots, OUs, accounts, SCPs and their targets. {@code remainingMillis} says how much time is
     * left (Lambda: Context::getRemainingTimeInMillis; CLI: Long.MAX_VALUE); when it will not cover the
     * rest, reading stops and the result's {@code incomplete} lists what was not read.
     * Failures that stop the whole read (access denied, not in an organisation) throw OrgReadException.
     */
    public OrgRead read(LongSupplier remainingMillis) {
        return new Run(remainingMillis).read();
    }

    /** Thrown inside a stream when the time left will not cover another call. */
    private static final class OutOfTime extends Exception {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** One read: its pace per API, its statistics and its time budget. */
    private final class Run implements MetricPublisher {
        private final LongSupplier remainingMillis;
        private final long started = System.nanoTime();
        private final AtomicInteger apiCalls = new AtomicInteger();
        private final AtomicInteger throttles = new AtomicInteger();
        private final RateLimiter describePolicy = new RateLimiter(limits.describePolicyPerSecond());
        private final RateLimiter listPolicies = new RateLimiter(limits.listPerSecond());
        private final RateLimiter listTargets = new RateLimiter(limits.listPerSecond());
        private final RateLimiter listOus = new RateLimiter(limits.listPerSecond());
        private final RateLimiter listAccounts = new RateLimiter(limits.listPerSecond());
        private final RateLimiter other = new RateLimiter(limits.listPerSecond());
        private final Map<String, RateLimiter> byOperation = Map.of(
                "DescribePolicy", describePolicy,
                "ListPolicies", listPolicies,
                "ListTargetsForPolicy", listTargets,
                "ListOrganizationalUnitsForParent", listOus,
                "ListAccountsForParent", listAccounts);

        Run(LongSupplier remainingMillis) {
            this.remainingMillis = remainingMillis;
        }

        OrgRead read() {
            Organization organization = whole("DescribeOrganization", other,
                    () -> client.describeOrganization(r -> r.overrideConfiguration(override())).organization());
            List<Root> roots = new ArrayList<>();
            Iterator<ListRootsResponse> rootPages = client.listRootsPaginator(r -> r.overrideConfiguration(override())).iterator();
            while (rootPages.hasNext()) {
                roots.addAll(whole("ListRoots", other, rootPages::next).roots());
            }

            ExecutorService treeStream = Executors.newSingleThreadExecutor(OrgReader::daemon);
            ExecutorService describeStream = Executors.newFixedThreadPool(limits.threads(), OrgReader::daemon);
            ExecutorService targetStream = Executors.newFixedThreadPool(limits.threads(), OrgReader::daemon);
            try {
                Future<Tree> tree = treeStream.submit(() -> readTree(roots));
                List<PolicyRead> reads = new ArrayList<>();
                boolean listedAll = listPolicies(summary -> reads.add(new PolicyRead(summary,
                        describeStream.submit(() -> call("DescribePolicy", describePolicy,
                                () -> client.describePolicy(r -> r.policyId(summary.id()).overrideConfiguration(override()))
                                        .policy().content())),
                        targetStream.submit(() -> readTargets(summary.id())))));
                return assemble(organization, roots, reads, listedAll, tree);
            } finally {
                treeStream.shutdownNow();
                describeStream.shutdownNow();
                targetStream.shutdownNow();
            }
        }

        /** Lists every SCP, handing each on as soon as its page arrives; false if time ran out first. */
        private boolean listPolicies(Consumer<PolicySummary> each) {
            Iterator<ListPoliciesResponse> pages = client.listPoliciesPaginator(r -> r.filter(SCP).maxResults(PAGE)
                    .overrideConfiguration(override())).iterator();
            while (pages.hasNext()) {
                ListPoliciesResponse page;
                try {
                    page = call("ListPolicies", listPolicies, pages::next);
                } catch (OutOfTime e) {
                    return false;
                } catch (SdkException e) {
                    throw new OrgReadException(OrgReadException.Kind.API_FAILURE,
                            "Listing the SCPs failed after retries (organizations:ListPolicies): " + e.getMessage(), e);
                }
                page.policies().forEach(each);
            }
            return true;
        }

        private List<String> readTargets(String policyId) throws OutOfTime {
            List<String> targets = new ArrayList<>();
            Iterator<ListTargetsForPolicyResponse> pages = client.listTargetsForPolicyPaginator(r -> r.policyId(policyId)
                    .maxResults(PAGE).overrideConfiguration(override())).iterator();
            while (pages.hasNext()) {
                call("ListTargetsForPolicy", listTargets, pages::next).targets().stream()
                        .map(PolicyTargetSummary::targetId)
                        .forEach(targets::add);
            }
            return targets;
        }

        private Tree readTree(List<Root> roots) {
            Tree tree = new Tree();
            Deque<String> parents = new ArrayDeque<>();
            roots.forEach(r -> parents.add(r.id()));
            while (!parents.isEmpty()) {
                String parent = parents.poll();
                try {
                    Iterator<ListOrganizationalUnitsForParentResponse> ouPages = client.listOrganizationalUnitsForParentPaginator(
                            r -> r.parentId(parent).maxResults(PAGE).overrideConfiguration(override())).iterator();
                    while (ouPages.hasNext()) {
                        for (OrganizationalUnit ou : call("ListOrganizationalUnitsForParent", listOus, ouPages::next)
                                .organizationalUnits()) {
                            tree.ous.add(new OrgSnapshot.OrganizationalUnit(ou.id(), ou.name(), parent));
                            parents.add(ou.id());
                        }
                    }
                    Iterator<ListAccountsForParentResponse> accountPages = client.listAccountsForParentPaginator(
                            r -> r.parentId(parent).maxResults(PAGE).overrideConfiguration(override())).iterator();
                    while (accountPages.hasNext()) {
                        for (Account a : call("ListAccountsForParent", listAccounts, accountPages::next).accounts()) {
                            tree.accounts.add(new OrgSnapshot.Account(a.id(), a.name(), status(a), parent));
                        }
                    }
                } catch (OutOfTime e) {
                    tree.notRead.add("the OUs and accounts under " + parent);
                    parents.forEach(p -> tree.notRead.add("the OUs and accounts under " + p));
                    break;
                } catch (SdkException e) {
                    tree.errors.add(new InputError("organization tree (" + parent + ")",
                            "Reading the OUs and accounts under " + parent + " failed after retries: " + e.getMessage()
                                    + "; exposure counts leave them out."));
                }
            }
            return tree;
        }

        private OrgRead assemble(Organization organization, List<Root> roots, List<PolicyRead> reads, boolean listedAll,
                Future<Tree> treeRead) {
            List<OrgSnapshot.Scp> policies = new ArrayList<>();
            List<InputError> errors = new ArrayList<>();
            List<String> notRead = new ArrayList<>();
            for (PolicyRead read : reads) {
                PolicySummary p = read.summary;
                String label = p.name() + " (" + p.id() + ")";
                try {
                    String content = read.content.get();
                    List<String> targets = read.targets.get();
                    policies.add(new OrgSnapshot.Scp(p.id(), p.name(), p.arn(), Boolean.TRUE.equals(p.awsManaged()),
                            content, targets));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof OutOfTime) {
                        notRead.add(label);
                    } else if (cause instanceof OrgReadException fatal) {
                        throw fatal;
                    } else {
                        errors.add(new InputError(label, "Reading this SCP failed after retries, so it was not audited: "
                                + cause.getMessage()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OrgReadException(OrgReadException.Kind.API_FAILURE, "Interrupted while reading the SCPs", e);
                }
            }
            if (!listedAll) {
                notRead.add("every SCP after the first " + reads.size() + " listed (ListPolicies stopped)");
            }
            Tree tree;
            try {
                tree = treeRead.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OrgReadException fatal) {
                    throw fatal;
                }
                throw new OrgReadException(OrgReadException.Kind.API_FAILURE,
                        "Reading the organisation tree failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrgReadException(OrgReadException.Kind.API_FAILURE, "Interrupted while reading the tree", e);
            }
            errors.addAll(tree.errors);
            notRead.addAll(tree.notRead);

            OrgSnapshot snapshot = new OrgSnapshot(organization.id(), organization.masterAccountId(),
                    partitionOf(organization.arn()), clock.instant().toString(),
                    roots.stream().map(r -> new OrgSnapshot.Root(r.id(), r.name(), r.policyTypes().stream()
                            .filter(t -> t.status() == PolicyTypeStatus.ENABLED)
                            .map(PolicyTypeSummary::typeAsString)
                            .toList())).toList(),
                    tree.ous, tree.accounts, policies);
            Report.Incomplete incomplete = notRead.isEmpty() ? null : new Report.Incomplete(String.format(Locale.ROOT,
                    "Time ran out: the rest could not be read while keeping %d s to audit and publish;"
                            + " %d SCPs were read, %d were not.",
                    limits.reserve().toSeconds(), policies.size(), notRead.size()), notRead);
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return new OrgRead(snapshot, errors, incomplete, new OrgRead.Stats(apiCalls.get(), throttles.get(), elapsed));
        }

        /** A call the whole read depends on: any failure stops it. */
        private <T> T whole(String api, RateLimiter limiter, Supplier<T> call) {
            try {
                return call(api, limiter, call);
            } catch (OutOfTime e) {
                throw new OrgReadException(OrgReadException.Kind.API_FAILURE,
                        "Not enough time left to read the organisation (" + api + " not called)", null);
            } catch (SdkException e) {
                throw new OrgReadException(OrgReadException.Kind.API_FAILURE,
                        "organizations:" + api + " failed after retries: " + e.getMessage(), e);
            }
        }

        /**
         * Waits for the API's pace, unless time has run out; turns the failures every caller treats alike.
         * A call still throttled after the SDK's retries is tried again at the slower pace the throttles
         * set, a bounded number of times, while time allows: a throttled scan slows down, it does not lose
         * policies.
         */
        private <T> T call(String api, RateLimiter limiter, Supplier<T> call) throws OutOfTime {
            for (int round = 1; ; round++) {
                if (budget() < MIN_CALL_MILLIS) {
                    throw new OutOfTime();
                }
                try {
                    limiter.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OutOfTime();
                }
                if (budget() < MIN_CALL_MILLIS) {
                    throw new OutOfTime();
                }
                try {
                    T result = call.get();
                    limiter.succeeded();
                    return result;
                } catch (TooManyRequestsException e) {
                    if (round == THROTTLED_ROUNDS) {
                        throw e;
                    }
                } catch (AccessDeniedException e) {
                    throw new OrgReadException(OrgReadException.Kind.ACCESS_DENIED, "Access denied calling organizations:"
                            + api + ". Run scp-auditor in the organisation's management account or a delegated"
                            + " administrator account, with a role allowed the read-only Organizations actions (see"
                            + " template.yaml). AWS said: " + e.awsErrorDetails().errorMessage(), e);
                } catch (AwsOrganizationsNotInUseException e) {
                    throw new OrgReadException(OrgReadException.Kind.NOT_IN_ORGANIZATION, "This account is not a member"
                            + " of an organisation (organizations:" + api + " answered AWSOrganizationsNotInUseException)."
                            + " Run scp-auditor in the management account or a delegated administrator of the"
                            + " organisation to audit.", e);
                } catch (ApiCallTimeoutException e) {
                    if (budget() < MIN_CALL_MILLIS) {
                        throw new OutOfTime();
                    }
                    throw e;
                }
            }
        }

        /** Milliseconds left for reading: the time left less the reserve for auditing and publishing. */
        private long budget() {
            return remainingMillis.getAsLong() - limits.reserve().toMillis();
        }

        /** Counts requests and throttles, and bounds each call by the time left. */
        private AwsRequestOverrideConfiguration override() {
            long timeout = Math.max(MIN_CALL_MILLIS, Math.min(MAX_CALL_MILLIS, budget()));
            return AwsRequestOverrideConfiguration.builder()
                    .addMetricPublisher(this)
                    .apiCallTimeout(Duration.ofMillis(timeout))
                    .build();
        }

        /** Counts every attempt of a call; each throttled attempt slows that API's pace. */
        @Override
        public void publish(MetricCollection call) {
            List<String> operation = call.metricValues(CoreMetric.OPERATION_NAME);
            count(call, operation.isEmpty() ? null : byOperation.get(operation.get(0)));
        }

        private void count(MetricCollection metrics, RateLimiter limiter) {
            if ("ApiCallAttempt".equals(metrics.name())) {
                apiCalls.incrementAndGet();
                if (metrics.metricValues(CoreMetric.ERROR_TYPE).contains("Throttling")) {
                    throttles.incrementAndGet();
                    if (limiter != null) {
                        limiter.throttled();
                    }
                }
            }
            metrics.children().forEach(child -> count(child, limiter));
        }

        @Override
        public void close() {
        }
    }

    private record PolicyRead(PolicySummary summary, Future<String> content, Future<List<String>> targets) {
    }

    /** What the tree stream read; filled by its one thread, read after it ends. */
    private static final class Tree {
        final List<OrgSnapshot.OrganizationalUnit> ous = new ArrayList<>();
        final List<OrgSnapshot.Account> accounts = new ArrayList<>();
        final List<InputError> errors = new ArrayList<>();
        final List<String> notRead = new ArrayList<>();
    }

    /** Organizations now reports "state" and keeps the older "status" for the same facts. */
    private static String status(Account account) {
        return account.statusAsString() != null ? account.statusAsString() : account.stateAsString();
    }

    /** The partition is the ARN's second field ("aws-cn" in arn:aws-cn:organizations::…). */
    static String partitionOf(String arn) {
        if (arn != null) {
            String[] parts = arn.split(":", 3);
            if (parts.length == 3 && parts[0].equals("arn") && !parts[1].isEmpty()) {
                return parts[1];
            }
        }
        return "aws-cn";
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "org-reader");
        t.setDaemon(true);
        return t;
    }
}
