package io.github.scpauditor.check;

import io.github.scpauditor.eval.ActionPattern;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.partition.ActionIndex;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import io.github.scpauditor.report.Category;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Action and NotAction entries that match no known action: an unknown service prefix or an action name
 * no service has (usually a typo). MEDIUM in a Deny (the guardrail or its exemption silently does less
 * than written), LOW in an Allow. Entries of services the partition does not offer are left to UNAVAILABLE_SERVICE
 * and DEAD_STATEMENT: no spelling of them matches anything here.
 */
public final class UnknownActionCheck implements Check {

    /** Beyond this many actions a fix names, it counts the rest. */
    private static final int NAMED = 3;

    public static final CheckInfo INFO = new CheckInfo("UNKNOWN_ACTION", Severity.MEDIUM, Category.PARTITION,
            "An action or action pattern that matches no known action, or an unknown service prefix");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(PolicyUnderAudit policy, CheckContext context) {
        ActionIndex index = context.evaluator().partition().actions();
        List<Finding> findings = new ArrayList<>();
        for (Statement statement : policy.parsed().policy().statements()) {
            Severity severity = Wording.isDeny(statement) ? Severity.MEDIUM : Severity.LOW;
            String element = statement.actions().element();
            for (Value entry : statement.actions().values()) {
                ActionPattern pattern = context.evaluator().action(entry.text());
                int colon = entry.text().indexOf(':');
                if (colon <= 0) {
                    continue; // "*", or not an action at all (INVALID_POLICY reports that)
                }
                if (pattern.onlyAbsentServices()) {
                    // Spelt right it would still match nothing here: UNAVAILABLE_SERVICE or DEAD_STATEMENT says to
                    // remove it, and a "did you mean" beside that would send the user to fix what cannot work.
                    continue;
                }
                String prefix = entry.text().substring(0, colon);
                String name = entry.text().substring(colon + 1);
                String message;
                String remediation;
                if (pattern.unknownService()) {
                    message = element + " entry " + Wording.quote(entry.text()) + " names service prefix "
                            + Wording.quote(prefix) + ", which is not an IAM service, so it matches no action.";
                    remediation = suggestion(prefix, index.servicePrefixes())
                            .map(s -> "Did you mean " + Wording.quote(s + ":" + name) + "? ").orElse("")
                            + "Write a prefix from the AWS service authorization reference, or remove the entry.";
                } else if (pattern.knownActions() == 0 && (prefix.contains("*") || prefix.contains("?"))) {
                    // "*:StopLoging": a prefix pattern names no one service whose actions to point at.
                    int services = pattern.services().size();
                    message = element + " entry " + Wording.quote(entry.text()) + " matches no action of the " + services
                            + " service" + (services == 1 ? "" : "s") + " its prefix " + Wording.quote(prefix) + " matches.";
                    remediation = "Write an action name from the AWS service authorization reference, or remove the entry.";
                } else if (pattern.knownActions() == 0) {
                    String service = prefix.toLowerCase(Locale.ROOT);
                    message = element + " entry " + Wording.quote(entry.text()) + " matches no action of "
                            + Wording.service(context.evaluator().partition(), service) + ".";
                    String permission = service.equals("s3") ? S3_OPERATION_PERMISSIONS.get(name.toLowerCase(Locale.ROOT)) : null;
                    String write = "Write an action name of " + service
                            + " from the AWS service authorization reference, or remove the entry.";
                    remediation = permission != null
                            ? "The S3 API operation " + name + " is authorised by " + permission + ": write "
                                    + (permission.contains(" or ") ? "the one you mean" : permission.contains(" and ") ? "those" : "that")
                                    + " instead, or remove the entry."
                            : suggestion(name, index.actions(service))
                                    .map(s -> "Did you mean " + Wording.quote(prefix + ":" + s) + "? " + write)
                                    .or(() -> alreadyListed(statement, entry, prefix, name, index.actions(service)))
                                    .orElse(write);
                } else {
                    continue;
                }
                Category category = Wording.isBedrock(prefix) ? Category.BEDROCK : Category.PARTITION;
                findings.add(Findings.at(INFO, severity, category, policy, statement, entry.location(), message, remediation));
            }
        }
        return findings;
    }

    /**
     * S3 API operations whose permission has another name (Amazon S3 API Reference, each operation's "to use this
     * operation, you must have …"), as the words that name the permission. For these the closest action name is
     * the wrong advice: ListBuckets is one edit from s3:ListBucket, which lists a bucket's objects, but is
     * authorised by s3:ListAllMyBuckets.
     */
    static final Map<String, String> S3_OPERATION_PERMISSIONS = Map.ofEntries(
            authorisedBy("ListBuckets", "ListAllMyBuckets"),
            authorisedBy("ListObjects", "ListBucket"),
            authorisedBy("ListObjectsV2", "ListBucket"),
            authorisedBy("HeadBucket", "ListBucket"),
            authorisedBy("HeadObject", "GetObject"),
            authorisedBy("SelectObjectContent", "GetObject"),
            authorisedBy("DeleteObjects", "DeleteObject"),
            authorisedBy("ListObjectVersions", "ListBucketVersions"),
            authorisedBy("ListMultipartUploads", "ListBucketMultipartUploads"),
            authorisedBy("ListParts", "ListMultipartUploadParts"),
            authorisedBy("CreateMultipartUpload", "PutObject"),
            authorisedBy("UploadPart", "PutObject"),
            authorisedBy("CompleteMultipartUpload", "PutObject"),
            Map.entry("copyobject", "\"s3:GetObject\" (on the source) and \"s3:PutObject\" (on the copy)"),
            Map.entry("deletepublicaccessblock", bucketOrAccount("PutBucketPublicAccessBlock", "PutAccountPublicAccessBlock")),
            Map.entry("putpublicaccessblock", bucketOrAccount("PutBucketPublicAccessBlock", "PutAccountPublicAccessBlock")),
            Map.entry("getpublicaccessblock", bucketOrAccount("GetBucketPublicAccessBlock", "GetAccountPublicAccessBlock")),
            authorisedBy("DeleteBucketEncryption", "PutEncryptionConfiguration"),
            authorisedBy("PutBucketEncryption", "PutEncryptionConfiguration"),
            authorisedBy("GetBucketEncryption", "GetEncryptionConfiguration"),
            authorisedBy("DeleteBucketLifecycle", "PutLifecycleConfiguration"),
            authorisedBy("PutBucketLifecycleConfiguration", "PutLifecycleConfiguration"),
            authorisedBy("GetBucketLifecycleConfiguration", "GetLifecycleConfiguration"),
            authorisedBy("DeleteBucketReplication", "PutReplicationConfiguration"),
            authorisedBy("PutBucketReplication", "PutReplicationConfiguration"),
            authorisedBy("GetBucketReplication", "GetReplicationConfiguration"),
            authorisedBy("DeleteBucketCors", "PutBucketCORS"),
            authorisedBy("DeleteBucketTagging", "PutBucketTagging"),
            authorisedBy("PutBucketNotificationConfiguration", "PutBucketNotification"),
            authorisedBy("GetBucketNotificationConfiguration", "GetBucketNotification"),
            authorisedBy("PutObjectLockConfiguration", "PutBucketObjectLockConfiguration"),
            authorisedBy("GetObjectLockConfiguration", "GetBucketObjectLockConfiguration"));

    private static Map.Entry<String, String> authorisedBy(String operation, String permission) {
        return Map.entry(operation.toLowerCase(Locale.ROOT), Wording.quote("s3:" + permission));
    }

    private static String bucketOrAccount(String bucketPermission, String accountPermission) {
        return Wording.quote("s3:" + bucketPermission) + " (for a bucket) or " + Wording.quote("s3:" + accountPermission)
                + " (for the account)";
    }

    /**
     * For a name that is the start of known action names, all of which the element already lists ("s3:GetAccountPublic"
     * beside "s3:GetAccountPublicAccessBlock", a '*' lost in copying): removing the entry changes nothing. No guess
     * that the name was cut short otherwise: "aws-marketplace:CreatePrivateMarketplace" (in AWS's own sample SCPs, no
     * longer in the reference) is no shortened "aws-marketplace:CreatePrivateMarketplaceRequests".
     */
    private static Optional<String> alreadyListed(Statement statement, Value entry, String prefix, String name,
            List<String> known) {
        if (name.isEmpty() || name.contains("*") || name.contains("?")) {
            return Optional.empty();
        }
        String start = name.toLowerCase(Locale.ROOT);
        List<String> begun = known.stream().filter(a -> a.toLowerCase(Locale.ROOT).startsWith(start))
                .map(a -> prefix + ":" + a).toList();
        boolean listed = !begun.isEmpty() && begun.stream().allMatch(action -> statement.actions().values().stream()
                .anyMatch(other -> !other.equals(entry) && Evaluator.wildcardMatches(other.text(), action, true)));
        if (!listed) {
            return Optional.empty();
        }
        String element = statement.actions().element();
        int more = begun.size() - NAMED;
        return Optional.of(begun.size() == 1
                ? "Remove the entry: the one action whose name begins with it, " + Wording.quote(begun.get(0))
                        + ", is already in " + element + "."
                : "Remove the entry: the actions whose names begin with it, "
                        + (more > 0 ? Wording.quoted(begun.subList(0, NAMED)) + " and " + more + " more"
                                : Wording.quoted(begun))
                        + ", are already in " + element + ".");
    }

    /** A typo fix only for names without wildcards, and only when one known name is close. */
    private static Optional<String> suggestion(String written, Collection<String> known) {
        if (written.contains("*") || written.contains("?")) {
            return Optional.empty();
        }
        return Wording.closest(written, known, Math.max(1, Math.min(3, written.length() / 4)));
    }
}
