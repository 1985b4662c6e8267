package io.github.scpauditor.publish;

import io.github.scpauditor.report.EmailRenderer;
import io.github.scpauditor.report.Renderer;
import io.github.scpauditor.report.Report;
import io.github.scpauditor.report.ReportMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes a run to the findings topic as plain (String-structured) messages told apart by the
 * {@code kind} attribute, which subscription filter policies select on:
 * <ul>
 * <li>{@code summary}: the e-mail text for people ({@link EmailRenderer}), one message;</li>
 * <li>{@code report}: the full JSON report, in numbered parts when it exceeds one message;</li>
 * <li>{@code alert}: a failure operators must hear about.</li>
 * </ul>
 * Not {@code MessageStructure=json}: SNS delivers message attributes only for String-structured messages, and
 * a per-protocol envelope would make the e-mail and the report (escaped a second time) share one 256 KB
 * message. One Publish per message, not PublishBatch: a batch's 256 KB limit is for all its entries together,
 * and parts are each close to that limit.
 */
public final class SnsPublisher {

    /** The most one Publish may carry: message body plus attributes, 256 KiB in UTF-8 bytes. */
    public static final int MAX_PUBLISH_BYTES = 262_144;
    /** Kept free in every message for what SNS may count that we do not (the subject, rounding). */
    static final int HEADROOM_BYTES = 1_024;
    /** Attempts per Publish, the first included; the standard strategy backs off exponentially with jitter. */
    static final int MAX_ATTEMPTS = 5;

    private final SnsClient sns;
    private final String topicArn;
    private final Renderer json;

    public SnsPublisher(SnsClient sns, String topicArn, Renderer json) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.json = json;
    }

    /**
     * The SNS client as the Lambda builds it: URL-connection HTTP client (smallest, no Apache or Netty) and the
     * standard retry strategy (the SDK's default is still "legacy"). Region, credentials and endpoint come
     * from the SDK's standard configuration; tests add an endpoint override.
     */
    public static SnsClientBuilder clientBuilder() {
        return SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(retryStrategy())
                        // Bounded, so a hung connection cannot eat the time the handler keeps back for publishing.
                        .apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .apiCallTimeout(Duration.ofSeconds(45)));
    }

    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
    }

    /** What went out: the SNS message ids in publishing order and how many JSON parts the report took. */
    public record Published(List<String> messageIds, int reportParts) {
        public Published {
            messageIds = List.copyOf(messageIds);
        }
    }

    /**
     * Publishes the summary, then every part of the JSON report.
     *
     * @param organizationId named in subjects, the e-mail title and every JSON part
     * @throws PublishException when SNS refuses a message after retries
     */
    public Published publishRun(String organizationId, Report report, ReportMessages text) {
        List<String> ids = new ArrayList<>();
        String summary = new EmailRenderer(text, organizationId).render(report);
        Map<String, MessageAttributeValue> summaryAttributes = Attributes.forRun(Attributes.KIND_SUMMARY, report);
        String subject = Subjects.forSummary(organizationId, report);
        ids.add(publish(subject, fitted(summary, budget(subject, summaryAttributes)), summaryAttributes, ids.size()));

        // Attribute sizes differ between parts only in the part number's digits: size for the widest.
        Map<String, MessageAttributeValue> widest = Attributes.forPart(report, Integer.MAX_VALUE);
        int partBudget = budget(Subjects.forPart(organizationId, Integer.MAX_VALUE, Integer.MAX_VALUE), widest);
        List<ReportParts.Part> parts = ReportParts.split(report, organizationId, json, partBudget);
        for (ReportParts.Part part : parts) {
            ids.add(publish(Subjects.forPart(organizationId, part.number(), part.of()), part.json(),
                    Attributes.forPart(report, part.number()), ids.size()));
        }
        return new Published(ids, parts.size());
    }

    /**
     * Publishes an alert about a failed run, in the report's language.
     *
     * @param organizationId the organisation, when reading got that far (else null)
     * @param accountId      the function's account, named when the organisation is unknown (may be null)
     */
    public String publishAlert(Failure failure, String organizationId, String accountId, String detail, ReportMessages text) {
        String where = organizationId != null ? organizationId : accountId != null ? "account " + accountId : null;
        String whereText = organizationId != null ? text.get("alert.where.organization", organizationId)
                : accountId != null ? text.get("alert.where.account", accountId)
                : text.get("alert.where.unknown");
        String body = text.get("alert.title", whereText) + "\n\n" + text.get("alert." + failure.name())
                + (detail == null || detail.isBlank() ? "" : "\n\n" + text.get("alert.detail", detail)) + "\n";
        Map<String, MessageAttributeValue> attributes = Attributes.forAlert(failure);
        String subject = Subjects.forAlert(where, failure);
        return publish(subject, fitted(body, budget(subject, attributes)), attributes, 0);
    }

    private String publish(String subject, String message, Map<String, MessageAttributeValue> attributes, int publishedBefore) {
        try {
            return sns.publish(PublishRequest.builder()
                    .topicArn(topicArn)
                    .subject(subject)
                    .message(message)
                    .messageAttributes(attributes)
                    .build()).messageId();
        } catch (SdkException e) {
            throw new PublishException("SNS Publish to " + topicArn + " failed after retries (" + publishedBefore
                    + " message(s) of this run already published): " + e.getMessage(), publishedBefore, e);
        }
    }

    private static int budget(String subject, Map<String, MessageAttributeValue> attributes) {
        return MAX_PUBLISH_BYTES - HEADROOM_BYTES - Attributes.sizeInBytes(attributes)
                - subject.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A text within {@code maxBytes} UTF-8 bytes; cut on a character boundary and marked when it was longer. */
    static String fitted(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        String marker = "\n[...]\n";
        int limit = maxBytes - marker.length();
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int width = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + width > limit) {
                break;
            }
            used += width;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + marker;
    }
}
