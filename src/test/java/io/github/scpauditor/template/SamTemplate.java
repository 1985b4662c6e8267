package io.github.scpauditor.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** template.yaml as data: CloudFormation's short-form tags read as their long form. */
public final class SamTemplate {

    public static final Path FILE = Path.of("template.yaml");
    public static final String FUNCTION = "AuditFunction";

    private SamTemplate() {
    }

    public static Map<String, Object> load() {
        LoadSettings settings = LoadSettings.builder().build();
        try {
            return map(new Load(settings, new CloudFormationConstructor(settings)).loadFromString(Files.readString(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IAM actions the function's role is granted: its policy statements plus the SAM policy templates it uses. */
    public static Set<String> grantedActions(Map<String, Object> template) {
        Map<String, Object> function = map(map(map(template.get("Resources")).get(FUNCTION)).get("Properties"));
        Set<String> granted = new TreeSet<>();
        for (Object policy : (List<?>) function.get("Policies")) {
            Map<String, Object> p = map(policy);
            if (p.containsKey("SNSPublishMessagePolicy")) {
                // The SAM policy template grants exactly sns:Publish on arn:${AWS::Partition}:sns:region:account:TopicName.
                granted.add("sns:Publish");
                continue;
            }
            for (Object statement : (List<?>) p.get("Statement")) {
                Object action = map(statement).get("Action");
                if (action instanceof List<?> list) {
                    list.forEach(a -> granted.add((String) a));
                } else {
                    granted.add((String) action);
                }
            }
        }
        return granted;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a mapping: " + o);
        }
        return (Map<String, Object>) o;
    }

    /**
     * Reads {@code !Sub x} as {@code {"Fn::Sub": x}}, {@code !Ref x} as {@code {"Ref": x}},
     * {@code !GetAtt a.b} as {@code {"Fn::GetAtt": [a, b]}}, and so on for every local tag.
     */
    private static final class CloudFormationConstructor extends StandardConstructor {

        CloudFormationConstructor(LoadSettings settings) {
            super(settings);
        }

        @Override
        protected Optional<ConstructNode> findConstructorFor(Node node) {
            String tag = node.getTag().getValue();
            if (!tag.startsWith("!")) {
                return super.findConstructorFor(node);
            }
            String name = tag.substring(1);
            return Optional.of(n -> {
                Object value;
                if (n instanceof ScalarNode s) {
                    value = constructScalar(s);
                } else if (n instanceof SequenceNode s) {
                    value = constructSequence(s);
                } else {
                    value = constructMapping((MappingNode) n);
                }
                if (name.equals("Ref") || name.equals("Condition")) {
                    return Map.of(name, value);
                }
                if (name.equals("GetAtt") && value instanceof String s) {
                    return Map.of("Fn::GetAtt", List.of(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1)));
                }
                return Map.of("Fn::" + name, value);
            });
        }
    }
}
