package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.partition.ActionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UnknownActionCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new UnknownActionCheck());
    }

    /** The table only helps if its operations are not IAM actions and every permission it names is one. */
    @Test
    void theS3OperationTableNamesOperationsThatAreNotActionsAndPermissionsThatAre() {
        List<String> known = ActionIndex.bundled().actions("s3").stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        List<String> permissions = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"s3:([A-Za-z]+)\"").matcher(String.join(" ", UnknownActionCheck.S3_OPERATION_PERMISSIONS.values()));
        while (quoted.find()) {
            permissions.add(quoted.group(1).toLowerCase(Locale.ROOT));
        }

        assertThat(UnknownActionCheck.S3_OPERATION_PERMISSIONS.keySet()).doesNotContainAnyElementsOf(known);
        assertThat(permissions).hasSizeGreaterThanOrEqualTo(UnknownActionCheck.S3_OPERATION_PERMISSIONS.size());
        assertThat(known).containsAll(permissions);
    }
}
