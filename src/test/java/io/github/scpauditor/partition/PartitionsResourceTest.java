package io.github.scpauditor.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated partition facts against the AWS SDK on the classpath: after an SDK upgrade this fails
 * until the resource is regenerated, so old facts cannot ship silently. With
 * {@code -Dpartition.regenerate=true} (scripts/generate-partitions.sh) it rewrites the resource instead.
 */
class PartitionsResourceTest {

    private static final String REGENERATE = "scripts/generate-partitions.sh";
    private static final Path SOURCE = Path.of("src/main/resources" + EndpointMetadata.RESOURCE);

    private final SdkEndpointFacts sdk = new SdkEndpointFacts();

    @Test
    void theResourceIsWhatTheSdkOnTheClasspathSays() throws IOException {
        String expected = sdk.render();
        if (Boolean.getBoolean("partition.regenerate")) {
            Files.createDirectories(SOURCE.getParent());
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(bundledText())
                .as("%s was generated from another AWS SDK (%s on the classpath) or edited by hand: run %s",
                        EndpointMetadata.RESOURCE, SdkEndpointFacts.sdkVersion(), REGENERATE)
                .isEqualTo(expected);
    }

    /** Every answer Partition gives from the resource, against the same question asked of the SDK itself. */
    @Test
    void everyPartitionAnswersAsTheSdkDoes() {
        assertThat(EndpointMetadata.bundled().regionsByPartition().keySet()).containsExactlyElementsOf(sdk.partitionIds());
        Set<String> prefixes = new TreeSet<>(sdk.endpointPrefixes());
        prefixes.addAll(Set.of("no-such-service", "bedrock-agentcore", "s3express", "signin"));
        for (String id : sdk.partitionIds()) {
            Partition partition = Partition.of(id);
            assertThat(partition.regions()).as(id).isEqualTo(sdk.regions(id));
            for (String prefix : prefixes) {
                assertThat(partition.offers(prefix)).as("%s offers %s", id, prefix).isEqualTo(offers(id, prefix));
                assertThat(partition.signingRegion(prefix)).as("%s signs %s", id, prefix)
                        .isEqualTo(EndpointPrefixes.of(prefix).stream()
                                .flatMap(endpoint -> sdk.signingRegion(endpoint, id).stream()).findFirst());
            }
        }
    }

    /**
     * What Partition.offers computed from the SDK before the facts became a resource; a prefix whose
     * metadata cannot prove absence (EndpointPrefixes) is UNKNOWN rather than NO.
     */
    private Availability offers(String partition, String iamPrefix) {
        boolean unknownEndpoint = false;
        for (String endpointPrefix : EndpointPrefixes.of(iamPrefix)) {
            Set<String> listing = sdk.partitionsListing(endpointPrefix);
            if (listing.contains(partition)) {
                return Availability.YES;
            }
            unknownEndpoint |= listing.isEmpty();
        }
        return unknownEndpoint || !EndpointPrefixes.provesAbsence(iamPrefix) ? Availability.UNKNOWN : Availability.NO;
    }

    @Test
    void readsTheGeneratedFormat() {
        EndpointMetadata metadata = EndpointMetadata.read("""
                # comment
                @sdk-version\t2.40.2
                partition\taws-cn\tcn-north-1 cn-northwest-1
                endpoint\tiam\taws aws-cn\taws=us-east-1 aws-cn=cn-north-1
                endpoint\tec2\taws aws-cn\t
                """, "test");

        assertThat(metadata.sdkVersion()).isEqualTo("2.40.2");
        assertThat(metadata.regionsByPartition()).containsOnlyKeys("aws-cn");
        assertThat(metadata.regionsByPartition().get("aws-cn")).containsExactly("cn-north-1", "cn-northwest-1");
        assertThat(metadata.endpoint("iam").partitions()).containsExactlyInAnyOrder("aws", "aws-cn");
        assertThat(metadata.endpoint("iam").signingRegions()).containsOnlyKeys("aws", "aws-cn").containsEntry("aws-cn", "cn-north-1");
        assertThat(metadata.endpoint("ec2").signingRegions()).isEmpty();
        assertThat(metadata.endpoint("bedrock")).isNull();
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> EndpointMetadata.read("@sdk-version\t1\nendpoint\tiam\taws\taws:us-east-1\n", "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Malformed partition facts test at line 2: expected partition=region, found \"aws:us-east-1\"");
        assertThatThrownBy(() -> EndpointMetadata.read("partition\taws-cn\n", "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Malformed partition facts test at line 1: expected a @sdk-version, partition or endpoint line");
    }

    private static String bundledText() throws IOException {
        try (InputStream in = EndpointMetadata.class.getResourceAsStream(EndpointMetadata.RESOURCE)) {
            assertThat(in).as(EndpointMetadata.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
