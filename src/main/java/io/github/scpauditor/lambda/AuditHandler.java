package io.github.scpauditor.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.org.OrgAuditor;
import io.github.scpauditor.org.OrgRead;
import io.github.scpauditor.org.OrgReadException;
import io.github.scpauditor.org.OrgReader;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.NotJsonException;
import io.github.scpauditor.publish.Failure;
import io.github.scpauditor.publish.PublishException;
import io.github.scpauditor.publish.ReportParts;
import io.github.scpauditor.publish.SnsPublisher;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.JsonRenderer;
import io.github.scpauditor.report.Renderer;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.ReportMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The Lambda front end: reads the organisation, audits it, publishes to SNS and answers with the JSON report.
 * A stream handler, so both event shapes (EventBridge schedule, console options) are read from one JSON tree
 * with the Jackson the report needs anyway, and the JSON report goes back as it is rather than re-serialised
 * by the runtime. Failures operators must hear about are published as alerts, logged, and fail the invocation,
 * so the errors alarm fires and the asynchronous retry and failure destination apply.
 */
public final class AuditHandler implements RequestStreamHandler {

    /** Reads the organisation; production: {@link OrgReader#read}. */
    public interface Organization {
        OrgRead read(LongSupplier remainingMillis);
    }

    /** Audits a snapshot; production: {@link OrgAuditor#audit}. */
    public interface Audit {
        Report audit(OrgSnapshot snapshot, List<InputError> readErrors, Report.Incomplete incomplete);
    }

    /** A synchronous invocation returns at most 6 MB (6,291,456 bytes); kept below it. */
    static final int MAX_RESULT_BYTES = 6_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Settings settings;
    private final Organization organization;
    private final Audit audit;
    private final SnsPublisher publisher;
    private final Renderer json;

    /** What the Lambda runtime calls once per container: every client is built here, once. */
    public AuditHandler() {
        this(Settings.fromEnvironment(System.getenv()), OrgReader.fromEnvironment()::read,
                SnsPublisher.clientBuilder().build());
    }

    private AuditHandler(Settings settings, Organization organization, SnsClient sns) {
        this(settings, organization,
                new OrgAuditor(new Auditor(Partition.of("aws-cn"), settings.sizeQuota()))::audit, sns);
    }

    /** For tests: any organisation source and audit, an SNS client pointed where the test wants. */
    public AuditHandler(Settings settings, Organization organization, Audit audit, SnsClient sns) {
        this.settings = settings;
        this.organization = organization;
        this.audit = audit;
        this.json = new JsonRenderer();
        this.publisher = settings.topicArn() == null ? null : new SnsPublisher(sns, settings.topicArn(), json);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            run(input, output, context);
        } catch (RunFailedException | Invocation.InvalidEventException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect rather than a condition we know: still one structured line, then Lambda's own stack trace.
            throw logged(context, new RunLog("ERROR", "scp-auditor run failed unexpectedly")
                    .put("failure", e.getClass().getName()).put("detail", String.valueOf(e.getMessage())), e);
        }
    }

    private void run(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Invocation invocation = parse(input, context);
        ReportMessages text = ReportMessages.forTag(invocation.locale());
        if (invocation.publish() && publisher == null) {
            throw logged(context, new RunLog(invocation).failed("CONFIGURATION", Settings.FINDINGS_TOPIC_ARN + " is not set"),
                    new RunFailedException("publishing was asked for but " + Settings.FINDINGS_TOPIC_ARN + " is not set"));
        }
        Map<String, Long> millis = new LinkedHashMap<>();

        OrgRead read;
        try {
            // OrgReader keeps its own reserve of this time for auditing and publishing.
            read = organization.read(context::getRemainingTimeInMillis);
        } catch (OrgReadException e) {
            Failure failure = Failure.valueOf(e.kind().name());
            RunLog log = new RunLog(invocation).failed(failure.name(), e.getMessage());
            alert(invocation, failure, null, accountId(context), e.getMessage(), text, log);
            throw logged(context, log, new RunFailedException(failure.name() + ": " + e.getMessage(), e));
        }
        millis.put("read", elapsed(started));

        long auditStarted = System.nanoTime();
        OrgSnapshot snapshot = read.snapshot();
        List<InputError> errors = new ArrayList<>(read.errors());
        snapshot = selected(snapshot, invocation.policyIds(), errors);
        Report report = atLeast(audit.audit(snapshot, errors, read.incomplete()), invocation);
        millis.put("audit", elapsed(auditStarted));

        RunLog log = new RunLog(invocation).report(snapshot.organizationId(), report)
                .api(read.stats().apiCalls(), read.stats().throttles());
        boolean clean = report.findings().isEmpty() && report.errors().isEmpty() && report.incomplete() == null;
        if (invocation.publish() && (!clean || settings.publishWhenClean())) {
            long publishStarted = System.nanoTime();
            try {
                SnsPublisher.Published published = publisher.publishRun(snapshot.organizationId(), report, text);
                Map<String, Integer> counts = new LinkedHashMap<>();
                counts.put("messages", published.messageIds().size());
                counts.put("reportParts", published.reportParts());
                log.put("published", counts);
                millis.put("publish", elapsed(publishStarted));
            } catch (PublishException e) {
                millis.put("publish", elapsed(publishStarted));
                log.failed(Failure.PUBLISH_FAILURE.name(), e.getMessage());
                alert(invocation, Failure.PUBLISH_FAILURE, snapshot.organizationId(), null, e.getMessage(), text, log);
                throw logged(context, log.millis(millis), new RunFailedException(Failure.PUBLISH_FAILURE.name() + ": " + e.getMessage(), e));
            }
        }
        millis.put("total", elapsed(started));
        log.millis(millis);
        emit(context, log);

        output.write(result(report, snapshot.organizationId(), context).getBytes(StandardCharsets.UTF_8));
        if (report.incomplete() != null) {
            throw new RunFailedException("INCOMPLETE: the report is partial (" + report.incomplete().reason() + "); "
                    + report.incomplete().notRead().size() + " policies were not read"
                    + (invocation.publish() ? "; the partial report was published" : ""));
        }
    }

    /**
     * The invocation's result: the JSON report, or when it exceeds what Lambda returns from a synchronous
     * invocation, its first part (with the whole run's summary and {@code "part": {"number": 1, "of": n}}).
     */
    private String result(Report report, String organizationId, Context context) {
        String whole = ReportParts.whole(report, organizationId, json);
        if (whole.getBytes(StandardCharsets.UTF_8).length <= MAX_RESULT_BYTES) {
            return whole;
        }
        List<ReportParts.Part> parts = ReportParts.split(report, organizationId, json, MAX_RESULT_BYTES);
        context.getLogger().log(new RunLog("WARN", "scp-auditor result is part 1 of the report")
                .put("parts", parts.size()).put("detail", "the report exceeds a synchronous invocation's 6 MB result;"
                        + " the full report is published with \"publish\": true").line() + "\n");
        return parts.get(0).json();
    }

    private Invocation parse(InputStream input, Context context) throws IOException {
        JsonNode event;
        byte[] bytes = input.readAllBytes();
        try {
            event = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // The plain words a policy's JSON mistake gets, not Jackson's ("Unexpected character ('x' (code 120))…").
            String why = NotJsonException.in(new String(bytes, StandardCharsets.UTF_8))
                    .map(worded -> worded.getMessage() + " (line " + worded.location().line() + ", column "
                            + worded.location().column() + ")")
                    .orElse(e.getOriginalMessage());
            throw logged(context, new RunLog("ERROR", "scp-auditor event rejected").put("detail", why),
                    new Invocation.InvalidEventException("the event is not JSON: " + why));
        }
        try {
            return Invocation.parse(event, settings);
        } catch (Invocation.InvalidEventException e) {
            throw logged(context, new RunLog("ERROR", "scp-auditor event rejected").put("detail", e.getMessage()), e);
        }
    }

    /** Only the asked-for policies; an asked-for id the organisation lacks becomes an error of the report. */
    private static OrgSnapshot selected(OrgSnapshot snapshot, List<String> policyIds, List<InputError> errors) {
        if (policyIds.isEmpty()) {
            return snapshot;
        }
        Set<String> wanted = new LinkedHashSet<>(policyIds);
        List<OrgSnapshot.Scp> kept = snapshot.policies().stream().filter(p -> wanted.contains(p.id())).toList();
        kept.forEach(p -> wanted.remove(p.id()));
        for (String missing : wanted) {
            errors.add(new InputError(missing, "no service control policy with this id in organisation "
                    + snapshot.organizationId()));
        }
        return new OrgSnapshot(snapshot.organizationId(), snapshot.managementAccountId(), snapshot.partition(),
                snapshot.readAt(), snapshot.roots(), snapshot.organizationalUnits(), snapshot.accounts(), kept);
    }

    private static Report atLeast(Report report, Invocation invocation) {
        List<Finding> kept = report.findings().stream().filter(f -> f.severity().atLeast(invocation.minSeverity())).toList();
        if (kept.size() == report.findings().size()) {
            return report;
        }
        return Report.of(report.partition(), report.summary().policies(), kept, report.errors(), report.incomplete());
    }

    /** Publishes an alert when the run was to publish; an alert that cannot go out is logged with the failure. */
    private void alert(Invocation invocation, Failure failure, String organizationId, String accountId, String detail,
            ReportMessages text, RunLog log) {
        if (!invocation.publish() || publisher == null) {
            return;
        }
        try {
            publisher.publishAlert(failure, organizationId, accountId, detail, text);
            log.put("alertPublished", true);
        } catch (PublishException e) {
            log.put("alertPublished", false).put("alertFailure", e.getMessage());
        }
    }

    private static RuntimeException logged(Context context, RunLog log, RuntimeException e) {
        emit(context, log);
        return e;
    }

    private static void emit(Context context, RunLog log) {
        context.getLogger().log(log.line() + "\n");
        String metrics = log.metricsLine(context.getFunctionName(), System.currentTimeMillis());
        if (metrics != null) {
            context.getLogger().log(metrics + "\n");
        }
    }

    /** The account from the invoked function's ARN (arn:partition:lambda:region:account:function:name). */
    private static String accountId(Context context) {
        String arn = context.getInvokedFunctionArn();
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
