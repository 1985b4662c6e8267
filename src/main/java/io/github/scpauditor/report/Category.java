package io.github.scpauditor.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a finding is about; the SNS summary leads with region and Bedrock findings. */
public enum Category {
    REGION("region"),
    BEDROCK("bedrock"),
    CONTROL_TOWER("control-tower"),
    PARTITION("partition"),
    ATTACHMENT("attachment"),
    GRAMMAR("grammar");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
