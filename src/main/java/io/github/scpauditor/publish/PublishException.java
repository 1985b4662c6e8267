package io.github.scpauditor.publish;

/** SNS refused a message even after the client's retries; {@code published} messages of the run had gone out before it. */
public final class PublishException extends RuntimeException {

    private final int published;

    PublishException(String message, int published, Throwable cause) {
        super(message, cause);
        this.published = published;
    }

    public int published() {
        return published;
    }
}
