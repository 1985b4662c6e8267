package io.github.scpauditor.policy;

import java.util.List;
import java.util.Map;

/**
 * {@code Principal} or {@code NotPrincipal} (valid in resource policies, not in SCPs). {@code any}
 * is the bare {@code "*"} form; otherwise principals are keyed by type (AWS, Service, Federated, CanonicalUser).
 */
public record PrincipalElement(boolean negated, boolean any, Map<String, List<Value>> byType, Location location) {
    public PrincipalElement {
        byType = Map.copyOf(byType);
    }

    public String element() {
        return negated ? "NotPrincipal" : "Principal";
    }
}
