package io.github.scpauditor.eval;

import io.github.scpauditor.policy.Value;
import io.github.scpauditor.policy.ValueList;
import java.util.Optional;

/** Resource/NotResource against a request's resource ARN, with policy variables from the request context. */
final class ResourceMatcher {
    private ResourceMatcher() {
    }

    /** An absent element (allowed in SCPs) means every resource; a request without a resource is "*". */
    static boolean matches(ValueList resources, String resource, RequestContext context) {
        if (resources == null) {
            return true;
        }
        String target = resource == null ? "*" : resource;
        boolean any = false;
        for (Value v : resources.values()) {
            Optional<Glob> pattern = PolicyVariables.substitute(v.text(), context);
            if (pattern.isPresent() && Arns.matches(pattern.get(), target)) {
                any = true;
                break;
            }
        }
        return resources.negated() != any;
    }
}
