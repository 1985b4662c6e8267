package io.github.scpauditor.check;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class UnknownActionCheckTest {

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return FixtureCases.run(new UnknownActionCheck());
    }
}
