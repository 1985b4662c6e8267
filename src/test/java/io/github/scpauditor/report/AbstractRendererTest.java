package io.github.scpauditor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same scenarios for every renderer, each compared with a golden file in
 * src/test/resources/report/ named {@code <scenario>.<extension>}. After an intended change of
 * format, regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
abstract class AbstractRendererTest {

    abstract Renderer renderer();

    /** The golden files' extension, e.g. "txt". */
    abstract String extension();

    @Test
    void emptyReport() throws IOException {
        assertGolden("empty", Report.of("aws-cn", 3, List.of(), List.of(), null));
    }

    @Test
    void severalFindings() throws IOException {
        assertGolden("several-findings", Report.of("aws-cn", 2, Scenarios.SEVERAL, List.of(), null));
    }

    @Test
    void errorsOnly() throws IOException {
        assertGolden("errors-only", Report.of("aws-cn", 0, List.of(), Scenarios.ERRORS, null));
    }

    @Test
    void incompleteRunWithFindingsAndErrors() throws IOException {
        assertGolden("incomplete", Report.of("aws-cn", 1, List.of(Scenarios.SEVERAL.get(0)),
                List.of(Scenarios.THROTTLED), new Report.Incomplete("the Lambda function ran out of time",
                        List.of("p-aaaa1111", "p-bbbb2222"))));
    }

    private void assertGolden(String scenario, Report report) throws IOException {
        String rendered = renderer().render(report);
        String name = scenario + "." + extension();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/report", name), rendered, StandardCharsets.UTF_8);
        }
        try (InputStream golden = AbstractRendererTest.class.getResourceAsStream("/report/" + name)) {
            assertThat(golden).as("golden file report/%s", name).isNotNull();
            assertThat(rendered).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
