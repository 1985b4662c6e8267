package io.github.scpauditor.org;

import java.util.function.LongSupplier;

/**
 * Reads the whole organisation through the AWS SDK (Organizations client, standard configuration).
 * API CONTRACT — bodies to be implemented (org helper); the constructor taking the SDK client is for tests.
 */
public final class OrgReader {

    /** Builds the Organizations client the SDK's standard way (AWS_REGION, default credentials, AWS_ENDPOINT_URL). */
    public static OrgReader fromEnvironment() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Reads roots, OUs, accounts, SCPs and their targets. {@code remainingMillis} says how much time is
     * left (Lambda: Context::getRemainingTimeInMillis; CLI: Long.MAX_VALUE); when it will not cover the
     * rest, reading stops and the result's {@code incomplete} lists what was not read.
     * Failures that stop the whole read (access denied, not in an organisation) throw OrgReadException.
     */
    public OrgRead read(LongSupplier remainingMillis) {
        throw new UnsupportedOperationException("TODO");
    }
}
