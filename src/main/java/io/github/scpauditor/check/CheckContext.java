package io.github.scpauditor.check;

import io.github.scpauditor.eval.Evaluator;

/** What every check may consult: the evaluator (with its partition) and the SCP size quota in characters. */
public record CheckContext(Evaluator evaluator, int sizeQuota) {
    /** The SCP size quota since May 2026 (was 5,120). */
    public static final int DEFAULT_SIZE_QUOTA = 10_240;
}
