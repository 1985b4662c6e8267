package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/scp-auditor on the packaged jar (an integration test: it needs `mvn package`'s jar). Whatever the launcher does
 * about its class-data archive, a user must get what `java -jar` gives: the same output and exit code.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/scp-auditor").toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("scp.jar", "target/scp-auditor.jar")).toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Run(int exit, String out, String err) {
    }

    private static Run javaJar;

    @TempDir
    Path cache;

    @BeforeAll
    static void auditWithJavaJar() throws Exception {
        javaJar = run(List.of(JAVA, "-jar", JAR.toString(), "audit", "--format", "json"), Map.of());
        assertThat(javaJar.exit()).isEqualTo(1); // the example organisation has HIGH findings
    }

    @Test
    void firstRunCreatesTheArchiveAndPrintsWhatJavaJarPrints() throws Exception {
        Run run = launch(Map.of(), "audit", "--format", "json");

        assertThat(run).isEqualTo(javaJar);
        assertThat(archives()).hasSize(1);
    }

    @Test
    void laterRunsLoadTheClassesFromTheArchive() throws Exception {
        launch(Map.of(), "audit");
        Path archive = archives().get(0);
        FileTime made = Files.getLastModifiedTime(archive);
        Path classLog = cache.resolve("class-load.log");

        // JDK_JAVA_OPTIONS reaches the JVM the launcher starts; "(top)" marks a class from the dynamic archive.
        Run run = launch(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load:file=" + classLog), "audit", "--format", "json");

        assertThat(run.out()).isEqualTo(javaJar.out());
        assertThat(run.exit()).isEqualTo(javaJar.exit());
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
        assertThat(Files.readString(classLog)).contains("io.github.scpauditor.audit.Auditor source: shared objects file (top)");
    }

    @Test
    void aNewerJarGetsANewArchive() throws Exception {
        Path jar = jarCopy();
        Map<String, String> env = Map.of("SCP_AUDITOR_JAR", jar.toString());
        launch(env, "audit");
        Path archive = archives().get(0);
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        FileTime old = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now())); // a rebuilt jar

        Run run = launch(env, "audit", "--format", "json");

        assertThat(run).isEqualTo(javaJar);
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(old);
    }

    @Test
    void anArchiveTheJvmRefusesIsSaidOnStderrNotInTheReport() throws Exception {
        Path jar = jarCopy();
        Map<String, String> env = Map.of("SCP_AUDITOR_JAR", jar.toString());
        launch(env, "audit");
        Path archive = archives().get(0);
        // The jar replaced by another of a different size after the launcher looked at the times (a rebuild meanwhile).
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("rebuilt.txt"), "a different jar");
        }
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

        Run run = launch(env, "audit", "--format", "json");

        assertThat(run.out()).isEqualTo(javaJar.out());
        assertThat(run.exit()).isEqualTo(javaJar.exit());
        assertThat(run.err()).contains("[warning][cds").contains("Unable to use shared archive");
    }

    @Test
    void anUnwritableCacheIsReportedAndTheRunStillAudits() throws Exception {
        Path notAFolder = cache.resolve("file");
        Files.writeString(notAFolder, "");

        Run run = launch(Map.of("SCP_AUDITOR_CACHE", notAFolder.toString()), "audit", "--format", "json");

        assertThat(run.out()).isEqualTo(javaJar.out());
        assertThat(run.exit()).isEqualTo(javaJar.exit());
        assertThat(run.err()).isEqualTo("scp-auditor: cannot write to " + notAFolder + "; running without a start-up archive"
                + " (set SCP_AUDITOR_CACHE to a writable folder, or SCP_AUDITOR_CDS=off)\n");
    }

    @Test
    void cdsOffMakesNoArchive() throws Exception {
        Run run = launch(Map.of("SCP_AUDITOR_CDS", "off"), "audit", "--format", "json");

        assertThat(run).isEqualTo(javaJar);
        assertThat(archives()).isEmpty();
    }

    @Test
    void argumentsArePassedAsGiven() throws Exception {
        Path policy = cache.resolve("a folder/deny leave.json");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\","
                + " \"Action\": \"organizations:LeaveOrganization\", \"Resource\": \"*\"}]}");

        Run run = launch(Map.of(), "audit", "--format", "json", "--fail-on", "LOW", policy.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"findings\": [ ]").contains("\"policies\": 1,");
    }

    @Test
    void versionNamesTheRelease() throws Exception {
        Run run = launch(Map.of(), "--version");

        assertThat(run).isEqualTo(new Run(0, "scp-auditor " + System.getProperty("scp.version") + "\n", ""));
    }

    @Test
    void aMissingJarIsAUsageErrorNamingIt() throws Exception {
        Path missing = cache.resolve("nowhere/scp-auditor.jar");

        Run run = launch(Map.of("SCP_AUDITOR_JAR", missing.toString()), "audit");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("scp-auditor: " + missing + " not found: build it with ./mvnw");
    }

    @Test
    void aJavaHomeWithoutJavaIsAUsageErrorNamingIt() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", cache.toString()), "audit");

        assertThat(run).isEqualTo(new Run(2, "", "scp-auditor: " + cache.resolve("bin/java")
                + " not found: install Java 17 or later, or set JAVA_HOME to one\n"));
    }

    @Test
    void benchRunsWithoutTheArchive() throws Exception {
        Path policy = cache.resolve("p.json");
        Files.writeString(policy, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\","
                + " \"Resource\": \"*\"}]}");

        Run run = launch(Map.of(), "bench", "--iterations", "1", "--warmup-seconds", "0", policy.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("policies/s");
        assertThat(archives()).isEmpty();
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(Map.of("SCP_AUDITOR_JAR", JAR.toString(),
                "SCP_AUDITOR_CACHE", cache.toString(), "JAVA_HOME", System.getProperty("java.home")));
        all.putAll(env);
        return run(command, all);
    }

    /** A copy of the jar that a test may change, as a rebuild would. */
    private Path jarCopy() throws IOException {
        Path jar = cache.resolve("copy/scp-auditor.jar");
        Files.createDirectories(jar.getParent());
        return Files.copy(JAR, jar);
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // it would add a "Picked up" line to stderr
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished within 2 minutes").isTrue();
            String errText = Files.readString(err, StandardCharsets.UTF_8)
                    .replaceAll("(?m)^NOTE: Picked up JDK_JAVA_OPTIONS: .*\n", "");
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
