package io.github.scpauditor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scpauditor.eval.Decision;
import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.eval.Request;
import io.github.scpauditor.eval.SourcedPolicy;
import io.github.scpauditor.partition.Availability;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.NotJsonException;
import io.github.scpauditor.policy.ParseProblem;
import io.github.scpauditor.policy.ParseResult;
import io.github.scpauditor.policy.PolicyParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The simulate command's work: read the SCPs, then answer each request line with one JSON line. */
final class Simulation {

    private static final String REQUESTED_REGION = "aws:RequestedRegion";
    private static final Set<String> REQUEST_FIELDS = Set.of("action", "resource", "principalArn", "context");

    private final Evaluator evaluator;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    Simulation(Evaluator evaluator, PrintWriter out, PrintWriter err) {
        this.evaluator = evaluator;
        this.out = out;
        this.err = err;
    }

    int run(List<Path> policies, Path requests) {
        List<SourcedPolicy> scps = new ArrayList<>();
        boolean policiesOk = true;
        for (Path file : policies) {
            String source = file.toString();
            try {
                ParseResult parsed = PolicyParser.parse(Inputs.Utf8.decode(Files.readAllBytes(file)));
                for (ParseProblem problem : parsed.problems()) {
                    err.println("scp-auditor: " + source + ": line " + problem.location().line() + ": " + problem.message());
                }
                policiesOk &= parsed.valid();
                scps.add(new SourcedPolicy(source, parsed.policy()));
            } catch (IOException e) {
                err.println("scp-auditor: " + source + ": cannot read the file: " + Inputs.describe(e));
                policiesOk = false;
            } catch (Inputs.Utf8.NotUtf8Exception e) {
                err.println("scp-auditor: " + source + ": " + e.getMessage());
                policiesOk = false;
            }
        }
        if (!policiesOk) {
            // An answer computed from part of a policy could be wrong in either direction: none is given.
            err.println("scp-auditor: no request simulated, as not every policy could be read");
            return Main.INPUT_ERROR;
        }

        List<String> lines;
        try {
            lines = List.of(Inputs.Utf8.decode(Files.readAllBytes(requests)).split("\r?\n", -1));
        } catch (IOException e) {
            err.println("scp-auditor: " + requests + ": cannot read the file: " + Inputs.describe(e));
            return Main.INPUT_ERROR;
        } catch (Inputs.Utf8.NotUtf8Exception e) {
            err.println("scp-auditor: " + requests + ": " + e.getMessage());
            return Main.INPUT_ERROR;
        }
        boolean allAnswered = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Request request;
            try {
                request = request(line);
            } catch (BadRequestException e) {
                ObjectNode error = mapper.createObjectNode();
                error.put("line", i + 1);
                error.put("error", e.getMessage());
                out.println(json(error));
                allAnswered = false;
                continue;
            }
            RequestedRegion region = requestedRegion(request);
            Decision decision = evaluator.decide(scps, region.request());
            ObjectNode answer = mapper.createObjectNode();
            answer.put("decision", decision.outcome().name());
            answer.set("statements", mapper.valueToTree(decision.statements()));
            if (!region.assumed().isEmpty()) {
                ObjectNode assumed = answer.putObject("assumed");
                region.assumed().forEach((key, values) -> assumed.set(key,
                        values.size() == 1 ? mapper.valueToTree(values.get(0)) : mapper.valueToTree(values)));
            }
            String absent = absentService(request.action());
            if (absent != null || region.note() != null) {
                answer.put("note", absent == null ? region.note() : region.note() == null ? absent : absent + "; " + region.note());
            }
            out.println(json(answer));
        }
        if (!allAnswered) {
            err.println("scp-auditor: " + requests + ": some request lines could not be read (see the error lines)");
        }
        return allAnswered ? Main.CLEAN : Main.INPUT_ERROR;
    }

    /** Why no real request calls this action here, when its service is not offered; null otherwise. */
    private String absentService(String action) {
        Partition partition = evaluator.partition();
        String prefix = servicePrefix(action);
        if (partition.offers(prefix) != Availability.NO) {
            return null;
        }
        return partition.actions().serviceLabel(prefix) + " is not offered in " + partition.id() + ": no real request calls " + action;
    }

    /** "iam" of "IAM:CreateUser" (a request's action is service:Action, checked when it is read). */
    private static String servicePrefix(String action) {
        return action.substring(0, action.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    /** The request as simulated, the region keys filled in for it (if any), and what to know about its region (if anything). */
    private record RequestedRegion(Request request, Map<String, List<String>> assumed, String note) {
    }

    /**
     * Every real request carries aws:RequestedRegion, and a global service's always the region it signs for: a
     * request line without one gets that region, and a line that could never happen here says so. Otherwise an
     * answer would contradict the audit (IAM "denied" in a region its requests never carry).
     */
    private RequestedRegion requestedRegion(Request request) {
        Partition partition = evaluator.partition();
        String prefix = servicePrefix(request.action());
        Optional<String> signing = evaluator.requestedRegionCarriedBy(request.action());
        List<String> given = given(request, REQUESTED_REGION);
        if (given == null && signing.isPresent()) {
            return new RequestedRegion(withRegionKeys(request, List.of(signing.get()), REQUESTED_REGION),
                    assumedKeys(request, List.of(signing.get()), REQUESTED_REGION), null);
        }
        if (given == null) {
            List<String> keys = new ArrayList<>(List.of(REQUESTED_REGION));
            keys.addAll(evaluator.regionKeysCarriedBy(request.action()));
            return new RequestedRegion(request, Map.of(), "no aws:RequestedRegion given: a real request carries the region"
                    + " it is sent to, and conditions on " + (keys.size() == 1 ? "that key were evaluated as if it were"
                    : String.join(" and ", keys) + " were evaluated as if they were") + " missing");
        }
        // A service key carrying the region (ec2:Region) holds what aws:RequestedRegion does, unless the line says otherwise.
        Request simulated = withRegionKeys(request, given);
        Map<String, List<String>> assumed = assumedKeys(request, given);
        if (signing.isPresent() && !given.equals(List.of(signing.get()))) {
            return new RequestedRegion(simulated, assumed, prefix + " requests in " + partition.id() + " are signed for "
                    + signing.get() + ", so a real one carries aws:RequestedRegion " + signing.get() + " and nothing else");
        }
        List<String> foreign = given.stream().filter(r -> !partition.regions().contains(r)).toList();
        if (!foreign.isEmpty()) {
            return new RequestedRegion(simulated, assumed, String.join(", ", foreign) + (foreign.size() == 1 ? " is" : " are")
                    + " not a region of " + partition.id() + " (" + String.join(", ", partition.regions())
                    + "): no real request carries it");
        }
        return new RequestedRegion(simulated, assumed, null);
    }

    /** The values the request line gives a condition key (keys compare case-insensitively); null when it gives none. */
    private static List<String> given(Request request, String key) {
        return request.context().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The region keys the request carries but its line does not give, with their values: {@code extra} and the action's. */
    private Map<String, List<String>> assumedKeys(Request request, List<String> region, String... extra) {
        Map<String, List<String>> assumed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of(extra));
        keys.addAll(evaluator.regionKeysCarriedBy(request.action()));
        for (String key : keys) {
            if (given(request, key) == null) {
                assumed.put(key, region);
            }
        }
        return assumed;
    }

    private Request withRegionKeys(Request request, List<String> region, String... extra) {
        Map<String, List<String>> context = new LinkedHashMap<>(request.context());
        context.putAll(assumedKeys(request, region, extra));
        return new Request(request.action(), request.resource(), request.principalArn(), context);
    }

    private String json(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request request(String line) throws BadRequestException {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            // The plain words a policy's JSON mistake gets, not Jackson's ("Unrecognized token 'iam': was expecting …").
            throw new BadRequestException(NotJsonException.in(line)
                    .map(worded -> "not JSON at column " + worded.location().column() + ": " + worded.getMessage())
                    .orElse("not JSON: " + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("a request is a JSON object with \"action\", and optionally \"resource\","
                    + " \"principalArn\" and \"context\"");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REQUEST_FIELDS.contains(name)) {
                throw new BadRequestException("unknown field \"" + name + "\"; a request has action, resource,"
                        + " principalArn and context");
            }
        }
        String action = text(node, "action", true);
        if (!action.matches("[A-Za-z0-9-]+:[A-Za-z0-9]+")) {
            throw new BadRequestException("\"action\" must be service:Action, e.g. \"iam:CreateRole\", not \"" + action + "\"");
        }
        return new Request(action, text(node, "resource", false), text(node, "principalArn", false), context(node.get("context")));
    }

    private static String text(JsonNode request, String field, boolean required) throws BadRequestException {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadRequestException("\"" + field + "\" is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    /** Context values: a string (or number or boolean, taken as its text) or an array of them. */
    private static Map<String, List<String>> context(JsonNode context) throws BadRequestException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (context == null || context.isNull()) {
            return values;
        }
        if (!context.isObject()) {
            throw new BadRequestException("\"context\" must be an object of condition keys");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = context.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> list = new ArrayList<>();
            if (field.getValue().isArray()) {
                for (JsonNode item : field.getValue()) {
                    list.add(scalar(field.getKey(), item));
                }
            } else {
                list.add(scalar(field.getKey(), field.getValue()));
            }
            values.put(field.getKey(), list);
        }
        return values;
    }

    private static String scalar(String key, JsonNode value) throws BadRequestException {
        if (!value.isValueNode() || value.isNull()) {
            throw new BadRequestException("context key \"" + key + "\" must be a string or an array of strings");
        }
        return value.asText();
    }

    private static final class BadRequestException extends Exception {
        BadRequestException(String message) {
            super(message);
        }
    }
}
