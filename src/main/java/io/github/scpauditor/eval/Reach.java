package io.github.scpauditor.eval;

import java.util.List;

/**
 * What a statement can match in the partition. {@code dead} is true only when no request in the
 * partition can match it under IAM's rules (never a guess); {@code reasons} then says why.
 */
public record Reach(boolean dead, List<DeadReason> reasons) {
    public Reach {
        reasons = List.copyOf(reasons);
    }

    /** Dead because every service its actions name is absent: no rewrite of its other parts can make it apply. */
    public boolean servicesAbsent() {
        return dead && reasons.stream().anyMatch(DeadReason.ServicesUnavailable.class::isInstance);
    }

    /**
     * Dead, and one of the reasons is this value: a Resource ARN ({@code conditionKey} null) or a value of a condition
     * on that key that never holds. The check reporting the reason owns it; others leave the value alone.
     */
    public boolean deadBecauseOf(String conditionKey, String value) {
        return dead && reasons.stream().anyMatch(reason -> conditionKey == null
                ? reason instanceof DeadReason.ResourcesNeverMatch resources && resources.resources().contains(value)
                : reason instanceof DeadReason.ConditionNeverTrue condition && condition.key().equalsIgnoreCase(conditionKey)
                        && condition.values().contains(value));
    }
}
