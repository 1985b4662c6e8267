package io.github.scpauditor.eval;

import java.util.Arrays;
import java.util.Base64;

/** BinaryEquals: both sides are base64; equal when they decode to the same bytes. */
final class BinaryCondition {
    private BinaryCondition() {
    }

    static boolean matches(String requestValue, String policyValue) {
        try {
            return Arrays.equals(Base64.getDecoder().decode(requestValue.trim()), Base64.getDecoder().decode(policyValue.trim()));
        } catch (IllegalArgumentException notBase64) {
            return requestValue.equals(policyValue);
        }
    }
}
