package io.github.scpauditor.check;

import io.github.scpauditor.eval.Evaluator;
import io.github.scpauditor.policy.Condition;
import io.github.scpauditor.policy.ConditionOperator;
import io.github.scpauditor.policy.Location;
import io.github.scpauditor.policy.Statement;
import io.github.scpauditor.policy.Value;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The region conditions of a statement, as the region checks point at them and quote them: those the evaluator
 * says carry the request's region (aws:RequestedRegion, and ec2:Region on EC2 actions and the like).
 */
final class RegionConditions {

    private RegionConditions() {
    }

    static List<Condition> of(Evaluator evaluator, Statement statement) {
        return evaluator.regionConditions(statement);
    }

    /**
     * The region conditions that list regions: all but Null, whose "true" or "false" asks only whether the key is
     * present, so it names no region to allow or deny.
     */
    static List<Condition> lists(Evaluator evaluator, Statement statement) {
        return of(evaluator, statement).stream().filter(c -> c.operator() != ConditionOperator.NULL).toList();
    }

    /** Where a finding about the statement's region restriction points: its first region list. */
    static Location location(Evaluator evaluator, Statement statement) {
        return lists(evaluator, statement).stream().findFirst().map(Condition::location).orElse(statement.location());
    }

    /** Is the first region list an allow-list (StringNotEquals, StringNotLike…: its values are the regions spared)? */
    static boolean allowListed(Evaluator evaluator, Statement statement) {
        return lists(evaluator, statement).stream().findFirst().map(c -> c.operator().negated()).orElse(true);
    }

    /** The keys of the region lists as written, e.g. "aws:RequestedRegion" or "aws:RequestedRegion and ec2:Region". */
    static String listKeys(Evaluator evaluator, Statement statement) {
        return lists(evaluator, statement).stream().map(Condition::key).distinct().collect(Collectors.joining(" and "));
    }

    /** e.g. StringNotEquals aws:RequestedRegion ["us-east-1", "us-west-2"] */
    static String describe(Evaluator evaluator, Statement statement) {
        return of(evaluator, statement).stream()
                .map(c -> c.operatorText() + " " + c.key() + " " + (c.values().isEmpty()
                        ? "[] (no values)"
                        : Wording.quoted(c.values().stream().map(Value::text).toList())))
                .collect(Collectors.joining(" and "));
    }

    /** The statement's other conditions still narrow whom or what it denies: say so rather than overstate. */
    static String otherConditions(Evaluator evaluator, Statement statement) {
        List<String> others = statement.conditions().stream().filter(c -> !evaluator.isRegionCondition(statement, c))
                .map(c -> c.operatorText() + " " + c.key()).toList();
        return others.isEmpty() ? "" : ", wherever its other conditions (" + String.join(", ", others) + ") hold";
    }

    /**
     * Whether another condition must hold for the Deny to apply at all (StringEquals aws:SourceVpc …): then it
     * denies only the requests that meet it, not every request. Negated operators and IfExists hold on a
     * missing key, so they narrow nothing by default (they exempt).
     */
    static boolean narrowedToSomeRequests(Evaluator evaluator, Statement statement) {
        return statement.conditions().stream()
                .anyMatch(c -> !evaluator.isRegionCondition(statement, c) && !c.operator().negated() && !c.ifExists());
    }
}
