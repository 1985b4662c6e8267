package io.github.scpauditor.report;

/** One output format of a report (text, JSON, SARIF, e-mail). */
public interface Renderer {
    String render(Report report);
}
