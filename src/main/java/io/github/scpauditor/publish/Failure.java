package io.github.scpauditor.publish;

/** A run that could not do its job, which operators must hear about (the alert's text is {@code alert.<name>} in the bundles). */
public enum Failure {
    ACCESS_DENIED("access denied"),
    NOT_IN_ORGANIZATION("not in an organization"),
    API_FAILURE("Organizations API failing"),
    PUBLISH_FAILURE("SNS publish failing");

    private final String subjectText;

    Failure(String subjectText) {
        this.subjectText = subjectText;
    }

    /** Short ASCII wording for the SNS subject, which must be ASCII whatever the report's locale. */
    String subjectText() {
        return subjectText;
    }
}
