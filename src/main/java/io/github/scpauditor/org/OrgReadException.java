package io.github.scpauditor.org;

/** The organisation cannot be read at all: access denied, not in an organisation, or the API failed after retries. */
public final class OrgReadException extends RuntimeException {

    /** What operators must hear about; each maps to its own message in the published alert. */
    public enum Kind { ACCESS_DENIED, NOT_IN_ORGANIZATION, API_FAILURE }

    private final Kind kind;

    public OrgReadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
