package io.github.scpauditor.check.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.report.Category;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PolicyTypeDisabledCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return AttachmentFixtures.run(new PolicyTypeDisabledCheck());
    }

    @Test
    void isInTheRegistryUnderTheAttachmentCategory() {
        assertThat(AttachmentChecks.all()).filteredOn(c -> c instanceof PolicyTypeDisabledCheck).hasSize(1);
        assertThat(PolicyTypeDisabledCheck.INFO.category()).isEqualTo(Category.ATTACHMENT);
    }
}
