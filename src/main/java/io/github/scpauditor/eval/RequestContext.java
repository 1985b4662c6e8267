package io.github.scpauditor.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request's context keys, looked up case-insensitively as IAM does. */
final class RequestContext {
    static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    static final RequestContext EMPTY = new RequestContext(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final TreeMap<String, List<String>> values;

    private RequestContext(TreeMap<String, List<String>> values) {
        this.values = values;
    }

    /** The request's context; its principal ARN supplies aws:PrincipalArn unless the context sets it. */
    static RequestContext of(Request request) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : request.context().entrySet()) {
            map.put(e.getKey(), e.getValue() == null ? List.of() : e.getValue());
        }
        if (request.principalArn() != null) {
            map.putIfAbsent(PRINCIPAL_ARN, List.of(request.principalArn()));
        }
        return new RequestContext(map);
    }

    static RequestContext single(String key, String value) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put(key, List.of(value));
        return new RequestContext(map);
    }

    /** The key's values; null when the key is absent. */
    List<String> get(String key) {
        return values.get(key);
    }

    /** Missing, or present with no value: IAM treats both as "no value to compare". */
    boolean missing(String key) {
        List<String> v = values.get(key);
        return v == null || v.isEmpty();
    }
}
