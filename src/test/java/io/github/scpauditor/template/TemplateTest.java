package io.github.scpauditor.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.scpauditor.lambda.Settings;
import io.github.scpauditor.publish.Attributes;
import io.github.scpauditor.report.ReportMessages;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** template.yaml read as data and held against the code it deploys. */
class TemplateTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/scpauditor");

    /** Set by Lambda itself in every function's environment, so the template need not. */
    private static final Set<String> LAMBDA_RUNTIME_VARIABLES = Set.of("AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_EXECUTION_ENV", "LAMBDA_TASK_ROOT");

    private final Map<String, Object> template = SamTemplate.load();
    private final Map<String, Object> function = properties("AuditFunction");

    @Test
    void theHandlerIsAPublicStreamHandlerWithANoArgumentConstructor() throws Exception {
        String handler = (String) function.get("Handler");
        assertThat(handler).endsWith("::handleRequest");
        Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
        assertThat(RequestStreamHandler.class).isAssignableFrom(type);
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
        assertThat(function).containsEntry("Runtime", "java21").containsEntry("CodeUri", ".");
    }

    @Test
    void everyVariableTheCodeReadsIsSet() throws IOException {
        Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
        Set<String> read = new TreeSet<>(Settings.VARIABLES);
        read.addAll(variablesReadIn(MAIN));
        read.removeAll(LAMBDA_RUNTIME_VARIABLES);
        assertThat(variables.keySet()).containsAll(read);
        assertThat(variables).containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(variables.get("FINDINGS_TOPIC_ARN")).isEqualTo(
                Map.of("Fn::If", List.of("CreateTopic", Map.of("Ref", "FindingsTopic"), Map.of("Ref", "ExistingTopicArn"))));
    }

    @Test
    void theLocaleParameterOffersExactlyTheBundles() {
        Map<String, Object> locale = map(map(template.get("Parameters")).get("ReportLocale"));
        assertThat(locale.get("AllowedValues")).isEqualTo(ReportMessages.SUPPORTED);
        assertThat(locale.get("Default")).isEqualTo("en");
    }

    @Test
    void everyActionTheCodeCallsIsGrantedAndNothingMore() throws IOException {
        for (Object policy : list(function.get("Policies"))) {
            Map<String, Object> p = map(policy);
            if (p.containsKey("SNSPublishMessagePolicy")) {
                assertThat(map(p.get("SNSPublishMessagePolicy"))).containsOnlyKeys("TopicName");
            } else {
                list(p.get("Statement")).forEach(s -> assertThat(map(s)).containsEntry("Effect", "Allow").doesNotContainKey("NotAction"));
            }
        }
        Set<String> granted = SamTemplate.grantedActions(template);
        Set<String> called = new TreeSet<>();
        called.addAll(actionsCalled(OrganizationsClient.class, "organizations", MAIN.resolve("org")));
        called.addAll(actionsCalled(SnsClient.class, "sns", MAIN.resolve("publish")));
        called.addAll(actionsCalled(SnsClient.class, "sns", MAIN.resolve("lambda")));

        assertThat(called).contains("sns:Publish", "organizations:ListPolicies", "organizations:DescribePolicy");
        assertThat(granted).isEqualTo(called);
        assertThat(granted).allMatch(a -> a.equals("sns:Publish") || a.matches("organizations:(Describe|List)\\w+"));
    }

    @Test
    void everyArnIsBuiltForThePartitionAndNothingChinaLacksIsUsed() throws IOException {
        String text = Files.readString(SamTemplate.FILE);
        assertThat(text).doesNotContain("arn:aws:").doesNotContainIgnoringCase("xray").doesNotContain("amazonaws.com");
        assertThat(function).doesNotContainKey("Tracing");
        assertThat(map(template.getOrDefault("Globals", Map.of())).toString()).doesNotContain("Tracing");
        Map<String, Object> onFailure = map(map(map(function.get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure"));
        assertThat(onFailure).containsEntry("Type", "SQS");
        assertThat(map(map(template.get("Resources")).get("FailedRunsQueue"))).containsEntry("Type", "AWS::SQS::Queue");
        for (String scalar : scalars(template)) {
            if (scalar.contains("arn:")) {
                assertThat(scalar).as("ARN in the template").matches(".*arn:(\\$\\{AWS::Partition}|\\[a-z-\\]\\+):.*");
            }
        }
    }

    @Test
    void theFunctionRunsDailyWithinLambdasLimitsAndIsWatched() {
        assertThat((Integer) function.get("Timeout")).isBetween(60, 900);
        Map<String, Object> schedule = map(map(map(function.get("Events")).get("DailyAudit")).get("Properties"));
        assertThat(map(function.get("Events")).values()).allMatch(e -> "Schedule".equals(map(e).get("Type")));
        assertThat(schedule.get("Schedule")).isEqualTo(Map.of("Ref", "ScheduleExpression"));
        assertThat(map(map(template.get("Parameters")).get("ScheduleExpression")).get("Default")).isEqualTo("cron(0 1 * * ? *)");
        Map<String, Object> resources = map(template.get("Resources"));
        assertThat(map(resources.get("ErrorsAlarm")).toString()).contains("MetricName=Errors", "Namespace=AWS/Lambda");
        assertThat(map(resources.get("ApiThrottlesAlarm")).toString()).contains("MetricName=ApiThrottles", "Namespace=ScpAuditor");
        assertThat(map(map(template.get("Outputs")))).containsKeys("FunctionName", "TopicArn");
    }

    @Test
    void theCreatedTopicIsEncryptedAndTheEmailGetsSummariesAndAlertsOnly() {
        Map<String, Object> resources = map(template.get("Resources"));
        assertThat(properties("FindingsTopic").get("KmsMasterKeyId")).isEqualTo(Map.of("Ref", "TopicKmsKeyId"));
        assertThat(map(map(template.get("Parameters")).get("TopicKmsKeyId")).get("Default")).isEqualTo("alias/aws/sns");
        assertThat(map(resources.get("EmailSubscription")).get("Condition")).isEqualTo("SubscribeEmail");
        assertThat(properties("EmailSubscription").get("FilterPolicy"))
                .isEqualTo(Map.of(Attributes.KIND, List.of(Attributes.KIND_SUMMARY, Attributes.KIND_ALERT)));
    }

    /** The IAM actions of the SDK client methods the sources mention ("listPoliciesPaginator(" counts as ListPolicies). */
    private static Set<String> actionsCalled(Class<?> client, String prefix, Path sources) throws IOException {
        String code = readAll(sources);
        Set<String> actions = new TreeSet<>();
        for (Method m : client.getMethods()) {
            String name = m.getName();
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != client || name.equals("serviceClientConfiguration")
                    || name.equals("close") || name.equals("utilities") || name.equals("waiter")) {
                continue;
            }
            if (code.contains("." + name + "(")) {
                String operation = name.endsWith("Paginator") ? name.substring(0, name.length() - "Paginator".length()) : name;
                actions.add(prefix + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
            }
        }
        return actions;
    }

    private static Set<String> variablesReadIn(Path sources) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("getenv\\(\\s*\"([A-Z0-9_]+)\"").matcher(readAll(sources));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }

    private Map<String, Object> properties(String resource) {
        return map(map(map(template.get("Resources")).get(resource)).get("Properties"));
    }

    private static List<String> scalars(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> out.addAll(scalars(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> out.addAll(scalars(v)));
        } else if (node instanceof String s) {
            out.add(s);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<?>) o;
    }

}
