package io.github.scpauditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The JSON report of DESIGN.md: {@code {"partition", "findings", "errors", "summary"}} plus
 * {@code "incomplete"} when the run stopped early. Null fields are left out; indented two spaces.
 */
public final class JsonRenderer implements Renderer {

    private final ObjectWriter writer = PrettyJson.writer();

    @Override
    public String render(Report report) {
        try {
            return writer.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and enums always serialise; reaching this is a bug.
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
