package io.github.scpauditor.eval;

import io.github.scpauditor.policy.PrincipalElement;
import io.github.scpauditor.policy.Value;
import java.util.List;
import java.util.Map;

/**
 * Principal/NotPrincipal (resource policies only; SCPs have none). "*" is everyone; an account id or
 * an account's root ARN stands for every principal of that account; other values are compared exactly.
 */
final class PrincipalMatcher {
    private PrincipalMatcher() {
    }

    static boolean matches(PrincipalElement principal, String principalArn) {
        if (principal == null) {
            return true;
        }
        boolean any = principal.any() || named(principal.byType(), principalArn);
        return principal.negated() != any;
    }

    private static boolean named(Map<String, List<Value>> byType, String principalArn) {
        for (Map.Entry<String, List<Value>> e : byType.entrySet()) {
            for (Value v : e.getValue()) {
                String p = v.text();
                if (p.equals("*") || principalArn != null && (p.equals(principalArn) || sameAccount(e.getKey(), p, principalArn))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameAccount(String type, String value, String principalArn) {
        if (!type.equals("AWS")) {
            return false;
        }
        String account = Arns.field(principalArn, 4);
        if (account == null || account.isEmpty()) {
            return false;
        }
        if (value.matches("\\d{12}")) {
            return value.equals(account);
        }
        String[] parts = value.split(":", Arns.PARTS);
        return parts.length == Arns.PARTS && parts[2].equals("iam") && parts[5].equals("root") && parts[4].equals(account)
                && parts[1].equals(Arns.field(principalArn, Arns.PARTITION));
    }
}
