package io.github.scpauditor.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The facts for aws-cn below were checked in the endpoints.json bundled with AWS SDK for Java 2.40.2. */
class PartitionTest {

    private final Partition china = Partition.of("aws-cn");

    @Test
    void chinaHasBeijingAndNingxia() {
        assertThat(china.id()).isEqualTo("aws-cn");
        assertThat(china.regions()).containsExactly("cn-north-1", "cn-northwest-1");
    }

    @ParameterizedTest
    @CsvSource({"cn-north-1, true", "cn-northwest-1, true", "us-east-1, false", "cn-north1, false",
                "aws-cn-global, false", "CN-NORTH-1, false", "'', false"})
    void isRegionOnlyForRealRegionsOfThePartition(String region, boolean expected) {
        assertThat(china.isRegion(region)).isEqualTo(expected);
    }

    @Test
    void chinasGlobalServicesAndTheRegionsTheyAreSignedFor() {
        assertThat(china.globalServices()).containsExactly(
                entry("account", "cn-northwest-1"),
                entry("budgets", "cn-northwest-1"),
                entry("ce", "cn-northwest-1"),
                entry("cloudfront", "cn-northwest-1"),
                entry("health", "cn-northwest-1"),
                entry("iam", "cn-north-1"),
                entry("organizations", "cn-northwest-1"),
                entry("route53", "cn-northwest-1"),
                entry("support", "cn-north-1"));
    }

    @ParameterizedTest
    @CsvSource({"iam, cn-north-1", "IAM, cn-north-1", "support, cn-north-1", "organizations, cn-northwest-1",
                "Route53, cn-northwest-1", "health, cn-northwest-1"})
    void signingRegionOfAGlobalService(String prefix, String region) {
        assertThat(china.signingRegion(prefix)).contains(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3", "ec2", "sts", "cloudwatch", "bedrock", "not-a-service"})
    void regionalAndUnknownServicesHaveNoSigningRegion(String prefix) {
        assertThat(china.signingRegion(prefix)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "bedrock, NO", "controltower, NO", "ses, NO",
        "iam, YES", "s3, YES", "ec2, YES", "sts, YES", "organizations, YES", "support, YES",
        "cloudwatch, YES", "sagemaker, YES", "execute-api, YES", "ecr, YES", "tag, YES", "rds-db, YES",
        // unknown to the endpoint metadata: rules-based services and IAM-only prefixes
        "bedrock-agentcore, UNKNOWN", "s3express, UNKNOWN", "trustedadvisor, UNKNOWN", "resource-explorer-2, UNKNOWN", "signin, UNKNOWN", "no-such-service, UNKNOWN"})
    void whatChinaOffers(String prefix, Availability expected) {
        assertThat(china.offers(prefix)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Bedrock, NO", "BEDROCK, NO", "ControlTower, NO", "CloudWatch, YES", "EC2, YES", "IAM, YES"})
    void offersIsCaseInsensitive(String prefix, Availability expected) {
        assertThat(china.offers(prefix)).isEqualTo(expected);
    }

    @Test
    void theCommercialPartitionOffersBedrockAndControlTower() {
        Partition aws = Partition.of("aws");

        assertThat(aws.offers("bedrock")).isEqualTo(Availability.YES);
        assertThat(aws.offers("controltower")).isEqualTo(Availability.YES);
        assertThat(aws.regions()).contains("us-east-1", "eu-west-1").doesNotContain("cn-north-1", "aws-global");
        assertThat(aws.signingRegion("iam")).contains("us-east-1");
        assertThat(aws.signingRegion("organizations")).contains("us-east-1");
    }

    @Test
    void govCloud() {
        Partition govCloud = Partition.of("aws-us-gov");

        assertThat(govCloud.regions()).containsExactly("us-gov-east-1", "us-gov-west-1");
        assertThat(govCloud.signingRegion("iam")).contains("us-gov-west-1");
        assertThat(govCloud.offers("bedrock")).isEqualTo(Availability.YES);
        assertThat(govCloud.offers("controltower")).isEqualTo(Availability.YES);
    }

    @Test
    void globalServicesAreSignedForARegionOfTheirPartition() {
        for (String id : new String[] {"aws", "aws-cn", "aws-us-gov"}) {
            Partition partition = Partition.of(id);
            assertThat(partition.globalServices()).as(id).isNotEmpty()
                    .allSatisfy((prefix, region) -> assertThat(partition.regions()).contains(region));
        }
    }

    @Test
    void everyGlobalServiceIsOfferedAndEveryPrefixIsCaseInsensitive() {
        for (String id : new String[] {"aws", "aws-cn", "aws-us-gov"}) {
            Partition partition = Partition.of(id);
            assertThat(partition.globalServices().keySet()).as(id)
                    .allMatch(prefix -> partition.offers(prefix) == Availability.YES);
            assertThat(partition.actions().servicePrefixes()).as(id).allSatisfy(prefix -> {
                String upper = prefix.toUpperCase(Locale.ROOT);
                assertThat(partition.offers(upper)).as(upper).isEqualTo(partition.offers(prefix));
                assertThat(partition.signingRegion(upper)).as(upper).isEqualTo(partition.signingRegion(prefix));
            });
        }
    }

    @Test
    void partitionsAreSharedAndShareTheActionIndex() {
        assertThat(Partition.of("aws-cn")).isSameAs(china);
        assertThat(china.actions()).isSameAs(ActionIndex.bundled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-china", "AWS-CN", "cn-north-1", ""})
    void anUnknownPartitionIsRejectedNamingTheKnownOnes(String id) {
        assertThatThrownBy(() -> Partition.of(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown partition \"" + id + "\"; known partitions: ")
                .hasMessageContainingAll("aws, ", "aws-cn, ", "aws-us-gov");
    }
}
