package io.github.scpauditor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
}
