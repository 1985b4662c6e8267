package io.github.scpauditor.eval;

/** Whether a statement applies to a request; when it does not, which element failed and why. */
public record StatementMatch(boolean matched, String failedElement, String explanation) {
    public static final StatementMatch MATCHED = new StatementMatch(true, null, null);

    public static StatementMatch noMatch(String element, String explanation) {
        return new StatementMatch(false, element, explanation);
    }
}
