package io.github.scpauditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void answersEachRequestLineAndNamesBadLinesByNumber() throws IOException {
        String full = Cli.copy("full-access.json", dir);
        String beijing = Cli.copy("beijing-only.json", dir);
        String requests = Cli.copy("requests.jsonl", dir);

        Cli.Result result = Cli.run("simulate", "--policy", full, "--policy", beijing, "--requests", requests);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out().lines()).containsExactly(
                // IAM signs for Beijing, and the NotAction exempts it anyway: the region-deny does not bite.
                "{\"decision\":\"ALLOWED\",\"statements\":[{\"source\":\"" + full + "\",\"index\":0,\"sid\":null}]}",
                // Organizations signs for Ningxia, which this Beijing-only policy denies.
                "{\"decision\":\"EXPLICIT_DENY\",\"statements\":[{\"source\":\"" + beijing
                        + "\",\"index\":0,\"sid\":\"DenyOutsideBeijing\"}]}",
                "{\"line\":3,\"error\":\"unknown field \\\"actoin\\\"; a request has action, resource, principalArn and context\"}",
                "{\"decision\":\"ALLOWED\",\"statements\":[{\"source\":\"" + full + "\",\"index\":0,\"sid\":null}],"
                        + "\"assumed\":{\"ec2:Region\":\"cn-north-1\"}}",
                "{\"line\":6,\"error\":\"not JSON at column 1: the value not is not JSON: write text in double quotes"
                        + " (\\\"not\\\"); only true, false, null and numbers are written without them\"}");
        assertThat(result.err()).contains("some request lines could not be read");
    }

    @Test
    void wouldThisScpDenyIamInNingxia() throws IOException {
        String beijing = Cli.copy("beijing-only.json", dir);
        Path requests = Files.writeString(dir.resolve("iam.jsonl"),
                "{\"action\": \"iam:CreateRole\", \"context\": {\"aws:RequestedRegion\": \"cn-northwest-1\"}}\n"
                        + "{\"action\": \"ec2:RunInstances\", \"context\": {\"aws:RequestedRegion\": \"cn-northwest-1\"}}\n");

        Cli.Result result = Cli.run("simulate", "--policy", beijing, "--requests", requests.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).containsExactly(
                // Not denied (IAM is in the NotAction list); with no Allow in this one policy, implicitly denied. The
                // question itself cannot arise: IAM requests always carry Beijing.
                "{\"decision\":\"IMPLICIT_DENY\",\"statements\":[],\"note\":\"iam requests in aws-cn are signed for"
                        + " cn-north-1, so a real one carries aws:RequestedRegion cn-north-1 and nothing else\"}",
                "{\"decision\":\"EXPLICIT_DENY\",\"statements\":[{\"source\":\"" + beijing
                        + "\",\"index\":0,\"sid\":\"DenyOutsideBeijing\"}],\"assumed\":{\"ec2:Region\":\"cn-northwest-1\"}}");
    }

    @Test
    void iamPassRoleCarriesTheRegionOfTheCallThatPassesTheRoleNotIamsSigningRegion() throws IOException {
        String beijing = Cli.copy("beijing-only.json", dir);
        Path requests = Files.writeString(dir.resolve("passrole.jsonl"),
                "{\"action\": \"iam:PassRole\", \"context\": {\"aws:RequestedRegion\": \"cn-northwest-1\"}}\n"
                        + "{\"action\": \"iam:PassRole\"}\n");

        Cli.Result result = Cli.run("simulate", "--policy", beijing, "--requests", requests.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "{\"decision\":\"IMPLICIT_DENY\",\"statements\":[]}",
                "{\"decision\":\"IMPLICIT_DENY\",\"statements\":[],\"note\":\"no aws:RequestedRegion given: a real request"
                        + " carries the region it is sent to, and conditions on that key were evaluated as if it were missing\"}");
    }

    @Test
    void aRequestWithoutRegionGetsItsGlobalServicesSigningRegionAndOtherwiseANote() throws IOException {
        String beijing = Cli.copy("beijing-only.json", dir);
        String full = Cli.copy("full-access.json", dir);
        Path requests = Files.writeString(dir.resolve("regions.jsonl"),
                "{\"action\": \"organizations:ListAccounts\"}\n"
                        + "{\"action\": \"ec2:RunInstances\"}\n"
                        + "{\"action\": \"ec2:RunInstances\", \"context\": {\"aws:requestedregion\": \"us-east-1\"}}\n");

        Cli.Result result = Cli.run("simulate", "--policy", beijing, "--policy", full, "--requests", requests.toString());

        String denied = "{\"decision\":\"EXPLICIT_DENY\",\"statements\":[{\"source\":\"" + beijing
                + "\",\"index\":0,\"sid\":\"DenyOutsideBeijing\"}]";
        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).containsExactly(
                // Organizations signs for Ningxia: the Beijing-only region-deny denies it, as the audit says.
                denied + ",\"assumed\":{\"aws:RequestedRegion\":\"cn-northwest-1\"}}",
                denied + ",\"note\":\"no aws:RequestedRegion given: a real request carries the region it is sent to,"
                        + " and conditions on aws:RequestedRegion and ec2:Region were evaluated as if they were missing\"}",
                denied + ",\"assumed\":{\"ec2:Region\":\"us-east-1\"},\"note\":\"us-east-1 is not a region of aws-cn"
                        + " (cn-north-1, cn-northwest-1): no real request carries it\"}");
    }

    @Test
    void anEc2RequestCarriesItsRegionInEc2RegionToo() throws IOException {
        Path residency = Files.writeString(dir.resolve("ec2-in-beijing.json"), """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Ec2InBeijingOnly", "Effect": "Deny", "Action": "ec2:*",
                  "Resource": "*", "Condition": {"StringNotEquals": {"ec2:Region": "cn-north-1"}}}]}""");
        String full = Cli.copy("full-access.json", dir);
        Path requests = Files.writeString(dir.resolve("ec2.jsonl"),
                "{\"action\": \"ec2:RunInstances\", \"context\": {\"aws:RequestedRegion\": \"cn-north-1\"}}\n"
                        + "{\"action\": \"ec2:RunInstances\", \"context\": {\"aws:RequestedRegion\": \"cn-northwest-1\"}}\n"
                        + "{\"action\": \"ec2:RunInstances\", \"context\": {\"aws:RequestedRegion\": \"cn-north-1\","
                        + " \"EC2:Region\": \"cn-northwest-1\"}}\n");

        Cli.Result result = Cli.run("simulate", "--policy", residency.toString(), "--policy", full,
                "--requests", requests.toString());

        String allowed = "{\"decision\":\"ALLOWED\",\"statements\":[{\"source\":\"" + full + "\",\"index\":0,\"sid\":null}]";
        String denied = "{\"decision\":\"EXPLICIT_DENY\",\"statements\":[{\"source\":\"" + residency
                + "\",\"index\":0,\"sid\":\"Ec2InBeijingOnly\"}]";
        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).containsExactly(
                allowed + ",\"assumed\":{\"ec2:Region\":\"cn-north-1\"}}",
                denied + ",\"assumed\":{\"ec2:Region\":\"cn-northwest-1\"}}",
                // A value the line gives is simulated as given.
                denied + "}");
    }

    @Test
    void aRequestToAServiceThePartitionLacksIsAnsweredWithANote() throws IOException {
        String full = Cli.copy("full-access.json", dir);
        Path requests = Files.writeString(dir.resolve("bedrock.jsonl"),
                "{\"action\": \"bedrock:InvokeModel\", \"context\": {\"aws:RequestedRegion\": \"cn-north-1\"}}\n");

        Cli.Result result = Cli.run("simulate", "--policy", full, "--requests", requests.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).containsExactly("{\"decision\":\"ALLOWED\",\"statements\":[{\"source\":\"" + full
                + "\",\"index\":0,\"sid\":null}],\"note\":\"Amazon Bedrock (bedrock) is not offered in aws-cn: no real"
                + " request calls bedrock:InvokeModel\"}");
    }

    @Test
    void anUnreadablePolicyStopsBeforeAnyAnswer() throws IOException {
        String invalid = Cli.copy("invalid.json", dir);
        String requests = Cli.copy("requests.jsonl", dir);

        Cli.Result result = Cli.run("simulate", "--policy", invalid, "--requests", requests);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(invalid + ": line 6: unknown element \"Efect\"")
                .contains("no request simulated, as not every policy could be read");
    }
}
