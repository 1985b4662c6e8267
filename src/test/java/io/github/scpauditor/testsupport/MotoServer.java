package io.github.scpauditor.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running one {@code moto_server} for the whole test run: started on a free loopback
 * port the first time a test class needs it, reset ({@code POST /moto-api/reset}) before each test
 * class, stopped when the run ends. Tests take a {@link Moto} parameter (or call {@link #endpoint()}).
 *
 * <p>Where {@code moto_server} is not on PATH (a user's laptop) the tests are skipped with a message,
 * unless {@code SCP_AUDITOR_REQUIRE_MOTO=true} (set by .ci/run): then they fail, so CI never passes
 * by skipping.
 *
 * <pre>{@code @ExtendWith(MotoServer.class) class FooTest { @Test void t(Moto moto) { moto.client(SnsClient.builder()); } } }</pre>
 */
public final class MotoServer implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    public static final String REQUIRE_ENV = "SCP_AUDITOR_REQUIRE_MOTO";
    private static final String EXECUTABLE = "moto_server";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private static Running running;

    /** The endpoint of the running server, for code that cannot take a parameter (e.g. a static client). */
    public static synchronized URI endpoint() {
        if (running == null) {
            throw new IllegalStateException("moto_server is not running: annotate the test class @ExtendWith(MotoServer.class)");
        }
        return running.moto.endpoint();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return condition(System.getenv("PATH"), System.getenv(REQUIRE_ENV));
    }

    /** Run where moto_server is on this PATH, or where it is required (to fail); else skip, saying why. */
    static ConditionEvaluationResult condition(String path, String require) {
        if (onPath(path) != null) {
            return ConditionEvaluationResult.enabled(EXECUTABLE + " found on PATH");
        }
        if ("true".equalsIgnoreCase(require)) {
            // Enabled, so that beforeAll fails the tests loudly instead of skipping them.
            return ConditionEvaluationResult.enabled(REQUIRE_ENV + "=true: a missing " + EXECUTABLE + " fails the tests");
        }
        return ConditionEvaluationResult.disabled(EXECUTABLE + " is not on PATH, so the moto end-to-end tests are skipped"
                + " (install it with `pip install 'moto[server]'`; set " + REQUIRE_ENV + "=true to make this a failure)");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Moto moto = start(context);
        moto.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Moto.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    private static synchronized Moto start(ExtensionContext context) {
        if (running != null) {
            return running.moto;
        }
        Path executable = onPath();
        if (executable == null) {
            throw new IllegalStateException(EXECUTABLE + " is not on PATH and " + REQUIRE_ENV
                    + "=true requires the moto end-to-end tests to run (install it with `pip install 'moto[server]'`)");
        }
        try {
            running = Running.start(executable);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + executable, e);
        }
        // The root store closes it when the whole run ends; the hook covers a JVM that exits otherwise.
        context.getRoot().getStore(ExtensionContext.Namespace.create(MotoServer.class)).put("server", running);
        Running started = running;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "moto_server-stop"));
        return running.moto;
    }

    private static Path onPath() {
        return onPath(System.getenv("PATH"));
    }

    private static Path onPath(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The server process; closed by JUnit at the end of the run. */
    private static final class Running implements AutoCloseable {
        private final Process process;
        private final Path log;
        final Moto moto;

        private Running(Process process, Path log, Moto moto) {
            this.process = process;
            this.log = log;
            this.moto = moto;
        }

        static Running start(Path executable) throws IOException, InterruptedException {
            int port = freeLoopbackPort();
            Path log = Files.createTempFile("moto_server-", ".log");
            Process process = new ProcessBuilder(List.of(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Running server = new Running(process, log, new Moto(URI.create("http://127.0.0.1:" + port)));
            server.awaitAnswer();
            return server;
        }

        private void awaitAnswer() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("moto_server exited with status " + process.exitValue() + ": " + logTail());
                }
                if (moto.answers()) {
                    return;
                }
                Thread.sleep(100);
            }
            stop();
            throw new IOException("moto_server did not answer on " + moto.endpoint() + " within " + STARTUP.toSeconds()
                    + " s: " + logTail());
        }

        private String logTail() {
            try {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        synchronized void stop() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }

        @Override
        public void close() {
            stop();
            synchronized (MotoServer.class) {
                if (running == this) {
                    running = null;
                }
            }
        }

        private static int freeLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            }
        }
    }

    /** Checked by {@link Running#awaitAnswer}: any HTTP answer means the server is up. */
    static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2_000);
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
