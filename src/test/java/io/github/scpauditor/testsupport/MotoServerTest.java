package io.github.scpauditor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

@ExtendWith(MotoServer.class)
class MotoServerTest {

    @Test
    void sdkClientsTalkToTheRunningServerAndResetForgetsEverything(Moto moto) {
        assertThat(moto.endpoint()).isEqualTo(MotoServer.endpoint());
        assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
        try (OrganizationsClient organizations = moto.client(OrganizationsClient.builder())) {
            String id = organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL))
                    .organization().id();
            assertThat(organizations.describeOrganization().organization().id()).isEqualTo(id);

            moto.reset();

            assertThatThrownBy(organizations::describeOrganization).isInstanceOf(AwsOrganizationsNotInUseException.class);
        }
    }

    @Test
    void withoutMotoOnPathTheTestsAreSkippedUnlessRequired(@TempDir Path empty) {
        ConditionEvaluationResult laptop = MotoServer.condition(empty.toString(), null);
        assertThat(laptop.isDisabled()).isTrue();
        assertThat(laptop.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("moto_server is not on PATH, so the moto end-to-end tests are skipped")
                .contains("SCP_AUDITOR_REQUIRE_MOTO=true"));

        assertThat(MotoServer.condition(empty.toString(), "true").isDisabled()).isFalse();
        assertThat(MotoServer.condition(System.getenv("PATH"), null).isDisabled()).isFalse();
    }
}
