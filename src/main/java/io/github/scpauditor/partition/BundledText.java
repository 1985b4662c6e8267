package io.github.scpauditor.partition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    /** The lines of a data file that hold data, each with its number; {@code count} is how many lines the file has. */
    record DataLines(List<DataLine> lines, int count) {
    }

    /** One line that holds data: neither empty nor a '#' comment. */
    record DataLine(int number, String text) {
    }

    /** Splits a data file into lines, dropping a Windows '\r' (it would end up in the last field) and comments. */
    static DataLines dataLines(String text) {
        List<DataLine> lines = new ArrayList<>();
        int number = 0;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            number++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(new DataLine(number, line));
            }
        }
        return new DataLines(lines, number);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
