package io.github.scpauditor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process with captured output, and copies test resources where a test needs files. */
final class Cli {

    record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Copies src/test/resources/cli/{name} into the folder and returns its path as a string. */
    static String copy(String name, Path folder) throws IOException {
        try (InputStream in = Cli.class.getResourceAsStream("/cli/" + name)) {
            Path target = folder.resolve(name);
            Files.write(target, in.readAllBytes());
            return target.toString();
        }
    }
}
