package io.github.scpauditor.eval;

/** Three-valued logic for analysis: UNKNOWN where the outcome depends on what the partition does not fix. */
public enum TriBool {
    TRUE, FALSE, UNKNOWN;

    public static TriBool of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public TriBool and(TriBool other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    public TriBool or(TriBool other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    public TriBool not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public boolean possible() {
        return this != FALSE;
    }
}
