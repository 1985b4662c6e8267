package io.github.scpauditor.lambda;

/**
 * Ends an invocation that could not do its whole job (access denied, not in an organisation, Organizations or
 * SNS failing after retries, a partial read). Lambda reports it as the invocation's error, which the errors
 * alarm counts and which sends an asynchronous event on to retry and then to the failure destination.
 */
public final class RunFailedException extends RuntimeException {

    RunFailedException(String message) {
        super(message);
    }

    RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
