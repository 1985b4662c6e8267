package io.github.scpauditor.policy;

/**
 * A policy document to audit and where it came from: {@code name} is the file path or the SCP's
 * name, {@code id} the SCP id ("p-…") when read from an organisation (else null), {@code text} the
 * document exactly as stored (its length counts against the SCP size quota).
 */
public record PolicySource(String name, String id, String text) {

    /** How findings name the policy: "name (p-…)" for an SCP, the path for a file. */
    public String label() {
        return id == null ? name : name + " (" + id + ")";
    }
}
