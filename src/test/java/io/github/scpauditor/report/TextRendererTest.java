package io.github.scpauditor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest extends AbstractRendererTest {

    @Override
    Renderer renderer() {
        return new TextRenderer();
    }

    @Override
    String extension() {
        return "txt";
    }

    @Test
    void noLineIsWiderThanOneHundredColumnsUnlessItIsOneLongWord() {
        String text = renderer().render(Report.of("aws-cn", 2, Scenarios.SEVERAL, Scenarios.ERRORS, null));

        assertThat(text.lines().filter(line -> line.length() > 100)).isEmpty();
    }

    @Test
    void aLongSidPutsTheStatementUnderTheCheckId() {
        String sid = "GRCTAUDITBUCKETLOGGINGCONFIGURATIONCHANGESPROHIBITED";
        Finding finding = new Finding("CONTROL_TOWER_ARTIFACT", Severity.LOW, Category.CONTROL_TOWER, "p.json",
                new StatementRef(0, sid), "/Statement/0/Sid", 5, "A Control Tower control id.", "Rename it.", null);

        String text = renderer().render(Report.of("aws-cn", 1, List.of(finding), List.of(), null));

        assertThat(text).contains("\n  LOW      CONTROL_TOWER_ARTIFACT\n           statement 0 \"" + sid + "\", line 5\n");
        assertThat(text.lines().filter(line -> line.length() > 100)).isEmpty();
    }

    @Test
    void aWordLongerThanALineStaysWhole() {
        String arn = "arn:aws:iam::*:role/" + "A".repeat(120);
        Finding finding = new Finding("FOREIGN_PARTITION_ARN", Severity.HIGH, Category.PARTITION, "p.json",
                new StatementRef(0, null), "/Statement/0/Resource", 4, "Foreign ARN " + arn + " here.", "Fix it.", null);

        String text = renderer().render(Report.of("aws-cn", 1, List.of(finding), List.of(), null));

        assertThat(text).contains("\n      " + arn + "\n");
    }
}
