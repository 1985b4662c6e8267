package io.github.scpauditor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SCPs written the way platform teams in aws-cn write them (china-native/, see its PROVENANCE.md): each is
 * correct for aws-cn, so a clean China policy must come out clean under every check.
 */
class ChinaNativePoliciesTest {

    private final Auditor auditor = new Auditor(Partition.of("aws-cn"), CheckContext.DEFAULT_SIZE_QUOTA);

    @ParameterizedTest
    @ValueSource(strings = {"region-deny-both-regions.json", "beijing-only.json", "ningxia-only.json",
            "deny-leave-organization.json", "data-perimeter.json", "protect-security-services.json",
            "deny-root-user.json", "deny-lists-in-china.json", "shared-with-global-partition.json",
            "shared-lists-with-wider-patterns.json", "service-region-keys.json",
            "protect-resources-by-arn.json", "principal-and-source-arn-conditions.json"})
    void comesOutClean(String file) throws IOException {
        String text;
        try (InputStream in = ChinaNativePoliciesTest.class.getResourceAsStream("/china-native/" + file)) {
            assertThat(in).as(file).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(auditor.audit(new PolicySource(file, null, text))).as(file).isEmpty();
    }
}
