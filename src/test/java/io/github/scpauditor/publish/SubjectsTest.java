package io.github.scpauditor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.scpauditor.report.Finding;
import io.github.scpauditor.report.InputError;
import io.github.scpauditor.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectsTest {

    @Test
    void aCleanRunSaysSoWithThePolicyCount() {
        assertThat(Subjects.forSummary(Reports.ORG, Reports.of(List.of(), List.of(), null)))
                .isEqualTo("scp-auditor o-a1b2c3d4e5: no findings, 42 policies");
    }

    @Test
    void countsGoMostSevereFirstAndErrorsAreCounted() {
        Report report = Reports.of(List.of(Reports.unattached(), Reports.regionLockout(), Reports.foreignArn()),
                List.of(new InputError("p-x", "DescribePolicy failed")), null);
        assertThat(Subjects.forSummary(Reports.ORG, report))
                .isEqualTo("scp-auditor o-a1b2c3d4e5: 1 CRITICAL, 1 HIGH, 1 INFO; 1 error");
    }

    @Test
    void whenEveryCountDoesNotFitTheLeastSevereFoldIntoMore() {
        List<Finding> findings = Reports.many(5_555);
        String longestOrgId = "o-" + "a".repeat(32);
        Report report = Reports.of(findings, List.of(new InputError("a", "b"), new InputError("c", "d")),
                new Report.Incomplete("time", List.of("p-1")));

        String subject = Subjects.forSummary(longestOrgId, report);

        assertThat(subject).isEqualTo("scp-auditor " + longestOrgId
                + " PARTIAL: 1111 CRITICAL, 4444 more; 2 errors");
        assertThat(subject.length()).isLessThan(100);
    }

    @Test
    void partsAndAlertsNameTheOrganisation() {
        assertThat(Subjects.forPart(Reports.ORG, 2, 3)).isEqualTo("scp-auditor o-a1b2c3d4e5: JSON report part 2/3");
        assertThat(Subjects.forAlert(null, Failure.NOT_IN_ORGANIZATION)).isEqualTo("scp-auditor FAILED: not in an organization");
    }

    @Test
    void nonAsciiAndLineBreaksNeverReachTheSubject() {
        assertThat(Subjects.clean("组织\r\n o-abc\tok\u0007")).isEqualTo("?? o-abc ok?");
    }

    @Test
    void everySubjectIsPrintableAsciiUnder100CharactersWithoutLineBreaks() {
        qt().withExamples(60).forAll(strings().allPossible().ofLengthBetween(0, 200), integers().between(0, 120))
                .checkAssert((where, findingCount) -> {
                    List<Finding> findings = new ArrayList<>(Reports.many(findingCount));
                    for (String subject : List.of(
                            Subjects.forSummary(where, Reports.of(findings, List.of(), null)),
                            Subjects.forPart(where, findingCount + 1, findingCount + 1),
                            Subjects.forAlert(where, Failure.PUBLISH_FAILURE))) {
                        assertThat(subject.length()).isBetween(1, 99);
                        assertThat(subject.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
                        assertThat(subject.charAt(0)).isNotEqualTo(' ');
                    }
                });
    }
}
