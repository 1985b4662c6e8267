package io.github.scpauditor.partition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The generated data files this package ships in the jar. */
final class BundledText {

    private BundledText() {
    }

    /** The whole resource; {@code what} names it in errors ("the IAM index"). */
    static String read(String resource, String what) {
        try (InputStream in = BundledText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(capitalized(what) + " " + resource + " is missing from the classpath");
            }
            // One bulk decode is several times faster than a Reader while the JIT is still cold.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what + " " + resource, e);
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
