package io.github.scpauditor.check;

import io.github.scpauditor.policy.ParseResult;
import io.github.scpauditor.policy.PolicySource;

/** A policy as the checks see it: its source text and what the parser made of it. */
public record PolicyUnderAudit(PolicySource source, ParseResult parsed) {
}
