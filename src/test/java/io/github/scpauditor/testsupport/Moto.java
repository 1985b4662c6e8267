package io.github.scpauditor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

/** A running moto server (from {@link MotoServer}): its endpoint, SDK clients against it, and reset. */
public record Moto(URI endpoint) {

    /** An SDK client against moto in cn-northwest-1 (where Organizations is served for aws-cn). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return TestClients.against(endpoint, Region.CN_NORTHWEST_1, builder);
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Region region) {
        return TestClients.against(endpoint, region, builder);
    }

    /** Forgets every resource of every service (POST /moto-api/reset). */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(30_000);
            try {
                int status = connection.getResponseCode();
                if (status != 200) {
                    throw new IllegalStateException("moto reset answered HTTP " + status);
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto reset failed at " + endpoint, e);
        }
    }

    boolean answers() {
        return MotoServer.answers(endpoint);
    }
}
