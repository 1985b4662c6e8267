package io.github.scpauditor.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scpauditor.policy.JsonTree;
import io.github.scpauditor.report.Finding;
import java.io.IOException;
import java.util.List;

/**
 * Every finding's line must be the line of the element its pointer names, read back from the document
 * itself: a check that pairs one element's pointer with another element's line (a Sid's pointer with its
 * statement's line) fails here, whatever check or element it is.
 */
public final class PointedLines {

    private PointedLines() {
    }

    /** Asserts it for every finding about {@code text}; a text that is not JSON has no elements to point at. */
    public static void assertEachFindingIsOnItsElementsLine(String text, List<Finding> findings) {
        JsonTree document;
        try {
            document = JsonTree.read(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            return;
        }
        for (Finding f : findings) {
            assertThat(f.line()).as("line of %s %s", f.checkId(), f.pointer())
                    .isEqualTo(element(document, f.pointer()).location().line());
        }
    }

    /** The element an RFC 6901 pointer names; fails if it names none. */
    private static JsonTree element(JsonTree document, String pointer) {
        JsonTree node = document;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (node instanceof JsonTree.Obj obj && obj.members().containsKey(name)) {
                node = obj.members().get(name);
            } else if (node instanceof JsonTree.Arr arr && name.matches("\\d+") && Integer.parseInt(name) < arr.items().size()) {
                node = arr.items().get(Integer.parseInt(name));
            } else {
                throw new AssertionError("the pointer " + pointer + " names no element of the document");
            }
        }
        return node;
    }
}
