package io.github.scpauditor.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.ServiceMetadata;

class EndpointPrefixesTest {

    @ParameterizedTest
    @CsvSource({"cloudwatch, monitoring", "ses, email", "execute-api, apigateway", "mobiletargeting, pinpoint",
                "s3, s3", "bedrock, bedrock", "no-such-service, no-such-service"})
    void mapsAnIamPrefixToTheEndpointPrefixOfItsApi(String iamPrefix, String endpointPrefix) {
        assertThat(EndpointPrefixes.of(iamPrefix)).containsExactly(endpointPrefix);
    }

    @Test
    void sageMakerIsServedByItsControlAndRuntimeEndpoints() {
        assertThat(EndpointPrefixes.of("sagemaker")).containsExactly("api.sagemaker", "runtime.sagemaker");
    }

    /** A typo or a service renamed in either source would otherwise silently turn YES or NO into UNKNOWN. */
    @Test
    void everyExceptionNamesAKnownIamPrefixAndEndpointsTheSdkKnows() {
        ActionIndex index = ActionIndex.bundled();
        EndpointPrefixes.exceptions().forEach((iamPrefix, endpointPrefixes) -> {
            assertThat(index.knowsService(iamPrefix)).as(iamPrefix).isTrue();
            assertThat(endpointPrefixes).as(iamPrefix).isNotEmpty().allSatisfy(endpointPrefix ->
                    assertThat(ServiceMetadata.of(endpointPrefix).servicePartitions()).as(endpointPrefix).isNotEmpty());
        });
    }
}
