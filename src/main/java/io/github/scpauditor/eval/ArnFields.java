package io.github.scpauditor.eval;

import java.util.List;
import java.util.Optional;

/**
 * An ARN's fields as written in a policy, split as the evaluator splits them: a policy variable is one piece
 * of its field, so "arn:${aws:PrincipalTag/p}:s3:::x" has the partition field "${aws:PrincipalTag/p}".
 */
public record ArnFields(String partition, String service, String region, String account, String resource) {

    /** Empty when the text is not an ARN: it must start with the field "arn" and have all six fields. */
    public static Optional<ArnFields> of(String arn) {
        List<Glob> fields = Arns.fields(arn);
        if (fields.size() < Arns.PARTS || !fields.get(0).text().equals("arn")) {
            return Optional.empty();
        }
        return Optional.of(new ArnFields(fields.get(1).text(), fields.get(2).text(), fields.get(3).text(),
                fields.get(4).text(), fields.get(5).text()));
    }

    /**
     * Whether the text has no region field or an empty one ("arn:aws-cn:iam::…"): a cheap first look, without
     * splitting, before asking about a region field, as most ARNs in policies have none.
     */
    public static boolean regionFieldEmpty(String arn) {
        int colon = -1;
        for (int i = 0; i < Arns.REGION; i++) {
            colon = arn.indexOf(':', colon + 1);
            if (colon < 0) {
                return true;
            }
        }
        return colon + 1 >= arn.length() || arn.charAt(colon + 1) == ':';
    }

    /** The ARN as written with another region field: how a region field is fixed. */
    public String withRegion(String region) {
        return String.join(":", "arn", partition, service, region, account, resource);
    }
}
