package io.github.scpauditor.eval;

import java.util.List;

/**
 * The regions a region value, or an ARN's region field, names as IAM compares it where it is written
 * ({@code regions}), and those it would name written in lower case ({@code inLowerCase}). Region names are
 * lower case, so a value that names regions only in lower case is wrong in letter case alone: under
 * StringEquals, "CN-NORTH-1" never equals the "cn-north-1" a request carries.
 */
public record NamedRegions(String written, List<String> regions, List<String> inLowerCase) {
    public NamedRegions {
        regions = List.copyOf(regions);
        inLowerCase = List.copyOf(inLowerCase);
    }
}
