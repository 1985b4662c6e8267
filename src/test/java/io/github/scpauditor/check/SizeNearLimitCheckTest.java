package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.policy.PolicyParser;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SizeNearLimitCheckTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"%s\",\"Effect\":\"Deny\","
            + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}}";

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new SizeNearLimitCheck());
    }

    @Test
    void sizesAreGroupedByThousands() {
        assertThat(List.of(0, 999, 1_000, 10_240, 999_999, 1_234_567, -1_000).stream().map(Wording::grouped))
                .containsExactly("0", "999", "1,000", "10,240", "999,999", "1,234,567", "-1,000");
    }

    @Test
    void theDefaultQuotaFlagsFrom9216Characters() {
        assertThat(check(padded(9_215))).isEmpty();
        assertThat(check(padded(9_216))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("The policy is 9,216 characters, within 10% of the 10,240-character");
        });
        assertThat(check(padded(10_241))).singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void charactersAreCountedNotUtf16UnitsOrBytes() {
        // U+1F512 is one character but two UTF-16 units; 北 is one character but three UTF-8 bytes.
        String sid = "\uD83D\uDD12北".repeat(1_000);
        String text = String.format(POLICY, sid);
        int characters = text.codePointCount(0, text.length());
        assertThat(check(text + " ".repeat(9_216 - characters))).hasSize(1);
        assertThat(check(text + " ".repeat(9_215 - characters))).isEmpty();
    }

    /**
     * The compact size is the document as a JSON writer stores it back: escapes written out ("\\u0041" is
     * "A", "\\/" is "/"), numbers normalised (1e2 is 100.0), and of duplicate keys only the last kept.
     */
    @Test
    void theRemediationNamesTheSizeWrittenBackCompactly() {
        String compact = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A/\",\"Effect\":\"Deny\","
                + "\"Action\":\"ec2:RunInstances\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"ec2:x\":100.0}}}}";
        String written = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"\\u0041\\/\", \"Effect\": \"Allow\", "
                + "\"Effect\": \"Deny\", \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\", "
                + "\"Condition\": {\"NumericLessThan\": {\"ec2:x\": 1e2}}}}";
        String duplicateFree = written.replace("\"Effect\": \"Allow\", ", "");

        assertThat(check(written + " ".repeat(9_300 - written.length()))).singleElement().extracting(Finding::remediation)
                .isEqualTo("Store it without whitespace outside strings (" + compact.length()
                        + " characters); if it keeps growing, split it into two SCPs.");
        assertThat(check(duplicateFree + " ".repeat(9_300 - duplicateFree.length()))).singleElement()
                .extracting(Finding::remediation).asString().contains("(" + compact.length() + " characters)");
    }

    /** A valid policy of exactly this many characters, the rest whitespace (which counts). */
    private static String padded(int length) {
        String text = String.format(POLICY, "Pad");
        return text + " ".repeat(length - text.length());
    }

    private static List<Finding> check(String text) {
        PolicyUnderAudit policy = new PolicyUnderAudit(new PolicySource("p.json", null, text), PolicyParser.parse(text));
        return new SizeNearLimitCheck().check(policy, new CheckContext(null, CheckContext.DEFAULT_SIZE_QUOTA));
    }
}
