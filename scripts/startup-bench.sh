#!/usr/bin/env bash
# Cold-start figures, each the median wall time of N fresh JVMs on this machine:
#   bare JVM      a trivial main, what any Java program pays
#   cli           `java -jar JAR audit` on the example organisation (the README's first command)
#   lambda-path   Partition.of("aws-cn"), new Auditor, the audit of one small region-deny SCP: what a
#                 Lambda cold start pays for the analysis, without the SDK clients and the handler
#   picocli-floor the smallest picocli commands, from the same jar, doing nothing: one annotated like
#                 the CLI's (@Command with --help/--version and one @Option), one built with picocli's
#                 programmatic API and no help mixin. What any CLI built on picocli pays before its own work.
#   engine-only   what `audit` does on the example organisation (read the snapshot, audit it, render
#                 the text report) called directly, without picocli: what the CLI would cost without it.
# The requirement is cli within 3x the bare JVM; engine-only shows how much of the gap is not picocli's.
# Wall times on a shared machine vary: look at the load average printed first, and compare figures
# taken in the same run.
#
# Usage: scripts/startup-bench.sh [JAR] [N]   (JAR defaults to target/scp-auditor.jar: mvn package first)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
jar="$(realpath "${1:-$repo/target/scp-auditor.jar}")"
runs="${2:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/Bare.java" <<'EOF'
public class Bare {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
EOF
cat > "$work/LambdaPath.java" <<'EOF'
import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;

public class LambdaPath {
    public static void main(String[] args) {
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"DenyOutsideBeijing\", \"Effect\": \"Deny\","
                + " \"NotAction\": [\"iam:*\", \"organizations:*\", \"support:*\"], \"Resource\": \"*\","
                + " \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": [\"cn-north-1\"]}}}]}";
        System.out.println(new Auditor(Partition.of("aws-cn"), 10_240).audit(new PolicySource("p.json", null, policy)).size());
    }
}
EOF
cat > "$work/PicocliAnnotated.java" <<'EOF'
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "floor", mixinStandardHelpOptions = true, version = "1")
public class PicocliAnnotated implements Runnable {
    @Option(names = "--format", defaultValue = "text")
    String format;

    @Override
    public void run() {
        System.out.println(format);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PicocliAnnotated()).execute(args));
    }
}
EOF
cat > "$work/PicocliProgrammatic.java" <<'EOF'
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

public class PicocliProgrammatic {
    public static void main(String[] args) {
        CommandSpec spec = CommandSpec.create().name("floor");
        spec.addOption(OptionSpec.builder("--format").type(String.class).defaultValue("text").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
        CommandLine.ParseResult parsed = new CommandLine(spec).parseArgs(args);
        System.out.println((String) parsed.matchedOptionValue("--format", "text"));
    }
}
EOF
cat > "$work/EngineOnly.java" <<'EOF'
import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.org.OrgAuditor;
import io.github.scpauditor.org.SnapshotJson;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.report.TextRenderer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

public class EngineOnly {
    public static void main(String[] args) throws Exception {
        try (InputStream in = EngineOnly.class.getResourceAsStream("/examples/organization.json")) {
            String snapshot = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            OrgAuditor auditor = new OrgAuditor(new Auditor(Partition.of("aws-cn"), 10_240));
            System.out.print(new TextRenderer().render(auditor.audit(SnapshotJson.read(snapshot), List.of(), null)));
        }
    }
}
EOF
javac -d "$work" -cp "$jar" "$work/Bare.java" "$work/LambdaPath.java" "$work/PicocliAnnotated.java" \
    "$work/PicocliProgrammatic.java" "$work/EngineOnly.java"

median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}'
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each; median wall ms"
bare=$(median_ms java -cp "$work" Bare)
cli=$(cd "$repo" && median_ms java -jar "$jar" audit)
lambda=$(median_ms java -cp "$jar:$work" LambdaPath)
annotated=$(median_ms java -cp "$jar:$work" PicocliAnnotated --format json)
programmatic=$(median_ms java -cp "$jar:$work" PicocliProgrammatic --format json)
engine=$(median_ms java -cp "$jar:$work" EngineOnly)
echo "bare JVM     $bare"
echo "cli          $cli  ($(awk -v a="$cli" -v b="$bare" 'BEGIN {printf "%.1f", a / b}')x bare)"
echo "lambda-path  $lambda  ($(awk -v a="$lambda" -v b="$bare" 'BEGIN {printf "%.1f", a / b}')x bare)"
echo "picocli-floor annotated $annotated ($(awk -v a="$annotated" -v b="$bare" 'BEGIN {printf "%.1f", a / b}')x bare)," \
    "programmatic $programmatic ($(awk -v a="$programmatic" -v b="$bare" 'BEGIN {printf "%.1f", a / b}')x bare)"
echo "engine-only  $engine  ($(awk -v a="$engine" -v b="$bare" 'BEGIN {printf "%.1f", a / b}')x bare)"
