package io.github.scpauditor.cli;

import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.org.SnapshotJson;
import io.github.scpauditor.policy.PolicySource;
import io.github.scpauditor.report.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the PATH arguments into policy documents and organisation snapshots. Every path that cannot
 * be used becomes an {@link InputError} naming it; the others are still returned.
 */
final class Inputs {

    /**
     * Policy files larger than this are refused unread: an SCP is at most 10,240 characters, so a file
     * many times that size is not one (and might be a mistake such as a log or a dump).
     */
    static final int POLICY_FILE_LIMIT = 64 * 1024;
    /** Snapshots hold up to 10,000 SCPs of 10 KiB each, plus the tree. */
    static final long SNAPSHOT_FILE_LIMIT = 512L * 1024 * 1024;
    /** Where the example organisation sits in the jar, and how reports name it (its path in the repository). */
    static final String EXAMPLE_RESOURCE = "/examples/organization.json";
    static final String EXAMPLE_NAME = "examples/organization.json";

    /** What one file turned out to be, in the order the paths were given. */
    sealed interface Input {
        /** A policy document to audit. */
        record Policy(PolicySource source) implements Input {
        }

        /** An organisation snapshot and the file it came from. */
        record Snapshot(String source, OrgSnapshot snapshot) implements Input {
        }

        /** A path that could not be used, and why. */
        record Unusable(InputError error) implements Input {
        }
    }

    private final List<Input> inputs = new ArrayList<>();

    static List<Input> load(List<String> paths) {
        Inputs inputs = new Inputs();
        for (String path : paths) {
            inputs.path(path);
        }
        return List.copyOf(inputs.inputs);
    }

    /** The example organisation embedded in the jar. */
    static List<Input> example() {
        try (InputStream in = Inputs.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                return List.of(new Input.Unusable(new InputError(EXAMPLE_NAME, "the example organisation is missing from this build")));
            }
            // Known to be a snapshot: read as one directly.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(new Input.Snapshot(EXAMPLE_NAME, SnapshotJson.read(text)));
        } catch (IOException | RuntimeException e) {
            return List.of(new Input.Unusable(new InputError(EXAMPLE_NAME, "cannot read the embedded example: " + describe(e))));
        }
    }

    private void path(String argument) {
        Path path;
        try {
            path = Path.of(argument);
        } catch (InvalidPathException e) {
            error(new InputError(argument, "not a valid path: " + e.getReason()));
            return;
        }
        if (Files.isDirectory(path)) {
            folder(argument, path);
        } else if (Files.exists(path)) {
            file(argument, path);
        } else {
            error(new InputError(argument, "no such file or folder"));
        }
    }

    private void folder(String argument, Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            error(new InputError(argument, "cannot list this folder: " + describe(e)));
            return;
        }
        if (files.isEmpty()) {
            error(new InputError(argument, "this folder holds no policy files (*.json, searched recursively)"));
        }
        for (Path file : files) {
            String name = argument.endsWith("/") || argument.endsWith("\\")
                    ? argument + folder.relativize(file)
                    : argument + "/" + folder.relativize(file);
            file(name.replace('\\', '/'), file);
        }
    }

    private void file(String name, Path file) {
        try {
            long size = Files.size(file);
            if (size > SNAPSHOT_FILE_LIMIT) {
                error(new InputError(name, "the file is " + size + " bytes; neither a policy (at most "
                        + POLICY_FILE_LIMIT + " bytes) nor an organisation snapshot (at most " + SNAPSHOT_FILE_LIMIT
                        + " bytes) is that large"));
                return;
            }
            document(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            error(new InputError(name, "no such file or folder"));
        } catch (IOException e) {
            error(new InputError(name, "cannot read the file: " + describe(e)));
        }
    }

    /** One JSON document: a snapshot, or else a policy (within the policy size limit). */
    private void document(String name, byte[] bytes) {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.NotUtf8Exception e) {
            error(new InputError(name, e.getMessage()));
            return;
        }
        if (text.isBlank()) {
            error(new InputError(name, "the file is empty; a policy is a JSON object with a Statement element"));
            return;
        }
        // The cheap test first: a policy file is never read as a tree twice just to learn it is no snapshot.
        if (text.contains("\"organizationId\"")) {
            try {
                Optional<OrgSnapshot> snapshot = SnapshotJson.readIfSnapshot(text);
                if (snapshot.isPresent()) {
                    inputs.add(new Input.Snapshot(name, snapshot.get()));
                    return;
                }
            } catch (IOException | RuntimeException e) {
                error(new InputError(name, "not a readable organisation snapshot: " + describe(e)));
                return;
            }
        }
        if (bytes.length > POLICY_FILE_LIMIT) {
            error(new InputError(name, "the file is " + bytes.length + " bytes; policy files over "
                    + POLICY_FILE_LIMIT + " bytes (64 KiB) are refused, as no SCP is that large (the quota is 10,240"
                    + " characters), and it is not an organisation snapshot"));
            return;
        }
        inputs.add(new Input.Policy(new PolicySource(name, null, text)));
    }

    private void error(InputError error) {
        inputs.add(new Input.Unusable(error));
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Strict UTF-8: a file in another encoding is reported, never read as mojibake. */
    static final class Utf8 {
        private Utf8() {
        }

        static String decode(byte[] bytes) throws NotUtf8Exception {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                int offset = Math.min(in.position(), bytes.length - 1);
                String hint = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))
                        ? " (it starts with a UTF-16 byte order mark: save it as UTF-8)"
                        : "";
                throw new NotUtf8Exception(String.format(Locale.ROOT,
                        "not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8%s; policies are UTF-8 JSON",
                        bytes[offset] & 0xFF, offset, hint));
            }
            out.flip();
            return out.toString();
        }

        static final class NotUtf8Exception extends Exception {
            NotUtf8Exception(String message) {
                super(message);
            }
        }
    }
}
