package io.github.scpauditor.partition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint prefixes (keys of the SDK's endpoint metadata) that serve the actions of an IAM
 * service prefix. Mostly the two are the same word; this table holds the exceptions, each checked
 * against the SDK and the IAM index by EndpointPrefixesTest. An IAM prefix that is absent here and
 * unknown to the endpoint metadata stays unknown: it is never guessed from a similar name.
 */
final class EndpointPrefixes {

    private static final Map<String, List<String>> EXCEPTIONS = Map.ofEntries(
            Map.entry("appstream", List.of("appstream2")),
            // CloudHSM Classic (cloudhsm) is retired; its successor's API (cloudhsmv2) uses the same IAM prefix.
            Map.entry("cloudhsm", List.of("cloudhsm", "cloudhsmv2")),
            Map.entry("cloudwatch", List.of("monitoring")),
            Map.entry("detective", List.of("api.detective")),
            Map.entry("ecr", List.of("api.ecr")),
            Map.entry("ecr-public", List.of("api.ecr-public")),
            // Invoking an API Gateway API; execute-api has no entry of its own in the metadata.
            Map.entry("execute-api", List.of("apigateway")),
            Map.entry("iotdeviceadvisor", List.of("api.iotdeviceadvisor")),
            Map.entry("iotjobsdata", List.of("data.jobs.iot")),
            Map.entry("lex", List.of("models.lex", "runtime.lex", "models-v2-lex", "runtime-v2-lex")),
            Map.entry("mechanicalturk", List.of("mturk-requester")),
            Map.entry("mediatailor", List.of("api.mediatailor")),
            Map.entry("memorydb", List.of("memory-db")),
            Map.entry("mobiletargeting", List.of("pinpoint")),
            // Data access to Neptune and IAM authentication to RDS databases: wherever those databases run.
            Map.entry("neptune-db", List.of("neptune")),
            Map.entry("rds-db", List.of("rds")),
            Map.entry("pricing", List.of("api.pricing")),
            Map.entry("sagemaker", List.of("api.sagemaker", "runtime.sagemaker")),
            Map.entry("ses", List.of("email")),
            // IAM Identity Center's OIDC API.
            Map.entry("sso-oauth", List.of("oidc")),
            // Resource Groups Tagging API.
            Map.entry("tag", List.of("tagging")),
            Map.entry("timestream", List.of("ingest.timestream", "query.timestream")));

    /**
     * IAM prefixes whose endpoints the metadata lists too narrowly to prove a NO. The Trusted Advisor console
     * (trustedadvisor actions) works in Beijing (docs.amazonaws.cn, Trusted Advisor: "available in Beijing
     * Region"), though the metadata lists the trustedadvisor API in other partitions only. Resource Explorer
     * (resource-explorer-2) was listed in both China regions by SDK 2.21.0 and is missing from aws-cn in 2.40.2,
     * the only service the metadata dropped from aws-cn while keeping it elsewhere.
     */
    private static final Set<String> INCOMPLETE = Set.of("trustedadvisor", "resource-explorer-2");

    private EndpointPrefixes() {
    }

    /** Whether endpoints missing from a partition in the metadata prove the service absent there. */
    static boolean provesAbsence(String iamPrefix) {
        return !INCOMPLETE.contains(iamPrefix);
    }

    /** The endpoint prefixes of a lower-case IAM prefix: the exceptions above, else the IAM prefix itself. */
    static List<String> of(String iamPrefix) {
        return EXCEPTIONS.getOrDefault(iamPrefix, List.of(iamPrefix));
    }

    /** The IAM prefixes whose endpoint prefixes differ, for tests. */
    static Map<String, List<String>> exceptions() {
        return EXCEPTIONS;
    }
}
