package io.github.scpauditor.check.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.report.Category;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UnattachedPolicyCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return AttachmentFixtures.run(new UnattachedPolicyCheck());
    }

    @Test
    void isInTheRegistryUnderTheAttachmentCategory() {
        assertThat(AttachmentChecks.all()).filteredOn(c -> c instanceof UnattachedPolicyCheck).hasSize(1);
        assertThat(UnattachedPolicyCheck.INFO.category()).isEqualTo(Category.ATTACHMENT);
    }
}
