package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exitsZeroWhenNothingReachesFailOn() throws IOException {
        String clean = Cli.copy("clean.json", dir);

        Cli.Result result = Cli.run("audit", clean);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Summary: 1 policy audited, 0 findings, 0 errors.");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void exitsOneOnAFindingAtOrAboveFailOn() throws IOException {
        String lockout = Cli.copy("region-lockout.json", dir);

        Cli.Result result = Cli.run("audit", lockout);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("CRITICAL REGION_LOCKOUT  statement 0 \"DenyAllOutsideEU\"");
    }

    @Test
    void failOnMovesTheThreshold() throws IOException {
        String typo = Cli.copy("region-typo.json", dir);

        assertThat(Cli.run("audit", typo).exit()).isZero();
        assertThat(Cli.run("audit", "--fail-on", "low", typo).exit()).isEqualTo(1);
    }

    @Test
    void minSeverityHidesFindingsButTheyStillCountForFailOn() throws IOException {
        String typo = Cli.copy("region-typo.json", dir);

        Cli.Result result = Cli.run("audit", "--min-severity", "MEDIUM", "--fail-on", "LOW", typo);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("REGION_NOT_IN_PARTITION").contains("0 findings");
        assertThat(result.err()).isEqualTo("scp-auditor: 1 finding(s) below MEDIUM not shown (--min-severity)\n");
    }

    @Test
    void anInvalidPolicyExitsTwoAndIsListedAsAnError() throws IOException {
        String invalid = Cli.copy("invalid.json", dir);

        Cli.Result result = Cli.run("audit", "--format", "json", invalid);

        assertThat(result.exit()).isEqualTo(2);
        JsonNode report = JSON.readTree(result.out());
        assertThat(checkIds(report)).containsOnly("INVALID_POLICY");
        assertThat(report.at("/errors/0/source").asText()).isEqualTo(invalid);
        assertThat(report.at("/errors/0/message").asText()).startsWith("not a valid policy (2 problems");
    }

    @Test
    void exitTwoWinsOverOneAndTheOtherInputsAreStillAudited() throws IOException {
        String lockout = Cli.copy("region-lockout.json", dir);
        String missing = dir.resolve("missing.json").toString();

        Cli.Result result = Cli.run("audit", "--format", "json", missing, lockout);

        assertThat(result.exit()).isEqualTo(2);
        JsonNode report = JSON.readTree(result.out());
        assertThat(checkIds(report)).contains("REGION_LOCKOUT");
        assertThat(report.at("/errors/0/source").asText()).isEqualTo(missing);
        assertThat(report.at("/errors/0/message").asText()).isEqualTo("no such file or folder");
    }

    @Test
    void everyKindOfBadInputIsAnErrorNamingItsSourceInEveryFormat() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        Path notJson = Files.writeString(dir.resolve("notes.json"), "Deny everything outside Beijing, please.");
        Path notPolicy = Files.writeString(dir.resolve("package.json"), "{\"name\": \"infra\", \"version\": \"1.0.0\"}");
        Path noPolicies = Files.createDirectories(dir.resolve("no-policies"));
        Files.writeString(noPolicies.resolve("README.md"), "nothing here");
        Path huge = Files.writeString(dir.resolve("huge.json"),
                "{\"Version\": \"2012-10-17\", \"Statement\": []," + " ".repeat(70_000) + "}");
        Path latin1 = Files.write(dir.resolve("latin1.json"),
                "{\"Statement\": [{\"Sid\": \"Règle\"}]}".getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("missing.json");
        List<String> args = new ArrayList<>(List.of("audit", "--format", "json"));
        for (Path p : List.of(empty, notJson, notPolicy, noPolicies, huge, latin1, missing)) {
            args.add(p.toString());
        }

        Cli.Result json = Cli.run(args.toArray(String[]::new));

        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.err()).isEmpty();
        JsonNode errors = JSON.readTree(json.out()).get("errors");
        assertThat(errors).hasSize(7);
        assertThat(error(errors, empty)).startsWith("the file is empty");
        assertThat(error(errors, notJson)).startsWith("not a valid policy: ").contains("not valid JSON");
        assertThat(error(errors, notPolicy)).startsWith("not a valid policy");
        assertThat(error(errors, noPolicies)).isEqualTo("this folder holds no policy files (*.json, searched recursively)");
        assertThat(error(errors, huge)).contains("policy files over 65536 bytes (64 KiB) are refused");
        assertThat(error(errors, latin1)).isEqualTo(
                "not UTF-8 text: byte 0xE8 at offset 25 is not valid UTF-8; policies are UTF-8 JSON");
        assertThat(error(errors, missing)).isEqualTo("no such file or folder");

        args.set(2, "text");
        Cli.Result text = Cli.run(args.toArray(String[]::new));
        args.set(2, "sarif");
        Cli.Result sarif = Cli.run(args.toArray(String[]::new));

        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.out()).contains(latin1 + ": not UTF-8 text").contains(missing + ": no such file or folder")
                .contains("7 errors.");
        assertThat(sarif.exit()).isEqualTo(2);
        JsonNode notifications = JSON.readTree(sarif.out()).at("/runs/0/invocations/0/toolExecutionNotifications");
        assertThat(notifications).hasSize(7);
        assertThat(notifications.get(6).at("/message/text").asText()).isEqualTo(missing + ": no such file or folder");
        assertThat(text.err() + sarif.err()).isEmpty();
    }

    @Test
    void aFolderIsSearchedRecursivelyForJsonFiles() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("policies/nested"));
        Cli.copy("clean.json", nested);
        Cli.copy("region-typo.json", dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/notes.txt"), "not a policy, not read");

        Cli.Result result = Cli.run("audit", "--format", "json", dir.resolve("policies").toString());

        assertThat(result.exit()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.at("/summary/policies").asInt()).isEqualTo(2);
        assertThat(report.at("/findings/0/source").asText()).isEqualTo(dir.resolve("policies") + "/region-typo.json");
    }

    @Test
    void withoutAPathItAuditsTheEmbeddedExampleOrganisation() {
        Cli.Result result = Cli.run("audit");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("\ndeny-outside-eu-regions (p-cn01outsideeu)\n  CRITICAL REGION_LOCKOUT")
                .contains("Summary: 12 policies audited");
    }

    @Test
    void anOrganisationSnapshotIsAuditedWithItsAttachments() {
        Cli.Result result = Cli.run("audit", "--format", "json", "examples/organization-scps-disabled.json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("\"checkId\": \"POLICY_TYPE_DISABLED\"");
    }

    @Test
    void sarifIsSarifTwoOneWithTheWholeCatalogueAsRules() throws IOException {
        String lockout = Cli.copy("region-lockout.json", dir);

        Cli.Result result = Cli.run("audit", "--format", "sarif", lockout);

        JsonNode sarif = JSON.readTree(result.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/tool/driver/rules")).hasSize(13);
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("REGION_LOCKOUT");
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(50);
    }

    @Test
    void sarifUrisAreRelativeToTheWorkingFolder() {
        Path example = Path.of("examples/policies/deny-outside-eu-regions.json").toAbsolutePath();

        assertThat(AuditCommand.relative(example.toString())).isEqualTo("examples/policies/deny-outside-eu-regions.json");
        assertThat(AuditCommand.relative("/elsewhere/p.json")).isEqualTo("/elsewhere/p.json");
        assertThat(AuditCommand.relative("./examples/policies/x.json")).isEqualTo("examples/policies/x.json");
        assertThat(AuditCommand.relative("deny-root-user (p-1)")).isEqualTo("deny-root-user (p-1)");
    }

    @Test
    void usageErrorsExitTwoWithAMessageAndNoStackTrace() {
        Cli.Result partition = Cli.run("audit", "--partition", "aws-eu");
        Cli.Result severity = Cli.run("audit", "--fail-on", "SEVERE");
        Cli.Result snapshotOut = Cli.run("audit", "--snapshot-out", "org.json");

        assertThat(partition.exit()).isEqualTo(2);
        assertThat(partition.err()).contains("'aws-eu' (expected one of aws-cn, aws, aws-us-gov)");
        assertThat(severity.exit()).isEqualTo(2);
        assertThat(severity.err()).contains("--fail-on");
        assertThat(snapshotOut.exit()).isEqualTo(2);
        assertThat(snapshotOut.err()).contains("--snapshot-out saves what --live read; add --live");
        assertThat(partition.err() + severity.err() + snapshotOut.err()).doesNotContain("\tat ");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("audit", "simulate", "bench")) {
            Cli.Result help = Cli.run(command, "--help");

            assertThat(help.exit()).isZero();
            assertThat(help.out()).startsWith("Usage: scp-auditor " + command);
        }
    }

    @Test
    void simulateHelpShowsARequestLineAndAnAnswerUnbroken() {
        Cli.Result help = Cli.run("simulate", "--help");

        assertThat(help.out()).contains("""
                A request line (one JSON object per line):
                  {"action": "iam:CreateRole",
                   "resource": "arn:aws-cn:iam::111122223333:role/x",
                   "principalArn": "arn:aws-cn:iam::111122223333:user/alice",
                   "context": {"aws:RequestedRegion": "cn-north-1"}}
                Each answer (one line per request, in order):
                  {"decision": "EXPLICIT_DENY" | "ALLOWED" | "IMPLICIT_DENY",
                   "statements": [{"source", "index", "sid"}]}
                """);
    }

    @Test
    void theTopLevelHelpAndAMistypedCommandStillNameEveryCommand() {
        Cli.Result help = Cli.run("--help");
        Cli.Result typo = Cli.run("audti");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).containsPattern("(?s)Commands:\\n  audit .*\\n  simulate .*\\n  bench ");
        // Each command's summary is its description's first line: a whole sentence.
        List<String> commands = List.of(help.out().substring(help.out().indexOf("Commands:")).split("\\n  (?=\\w)"));
        assertThat(commands.subList(1, commands.size())).hasSize(3).allSatisfy(entry -> assertThat(entry.strip()).endsWith("."));
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("Unmatched argument at index 0: 'audti'").contains("Did you mean: scp-auditor audit?");
    }

    private static List<String> checkIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.get("checkId").asText()));
        return ids;
    }

    private static String error(JsonNode errors, Path source) {
        for (JsonNode e : errors) {
            if (e.get("source").asText().equals(source.toString())) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + source + " in " + errors);
    }
}
