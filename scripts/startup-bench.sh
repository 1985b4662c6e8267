#!/usr/bin/env bash
# Cold-start figures, each the median wall time of N fresh JVMs on this machine:
#   bare                 a trivial main, what any Java program pays
#   launcher             `bin/scp-auditor audit` on the example organisation, its class-data archive made
#                        beforehand (the README's first command, from the second run on)
#   java-jar             `java -jar JAR audit`, the same run without the launcher
#   lambda-path          Partition.of("aws-cn"), new Auditor, the audit of one small region-deny SCP: what a
#                        Lambda cold start pays for the analysis, without the SDK clients and the handler
#   engine-only          what `audit` does on the example organisation (read the snapshot, audit it, render
#                        the text report) called directly, without picocli
#   picocli-floor        the smallest picocli command, from the same jar, doing nothing: one option and --help,
#                        built with the programmatic API as the CLI's are; what any picocli CLI pays
# The requirement is the CLI on the example organisation within 3x the bare JVM.
# Wall times on a shared machine vary: the commands run in turn, round after round, so that a change in
# load hits all of them; the load average is printed first.
#
# Usage: scripts/startup-bench.sh [JAR] [N]   (JAR defaults to target/scp-auditor.jar: mvn package first; N rounds, 7)
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
cat > "$work/PicocliFloor.java" <<'EOF'
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

public class PicocliFloor {
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
javac -d "$work" -cp "$jar" "$work/Bare.java" "$work/LambdaPath.java" "$work/PicocliFloor.java" "$work/EngineOnly.java"

# Each round runs every command once, in turn, so a change in the machine's load hits them all alike.
names=(bare launcher java-jar lambda-path engine-only picocli-floor)
run() {
    case "$1" in
        bare) java -cp "$work" Bare ;;
        launcher) (cd "$repo" && SCP_AUDITOR_JAR="$jar" SCP_AUDITOR_CACHE="$work/cache" bin/scp-auditor audit) ;;
        java-jar) (cd "$repo" && java -jar "$jar" audit) ;;
        lambda-path) java -cp "$jar:$work" LambdaPath ;;
        engine-only) java -cp "$jar:$work" EngineOnly ;;
        picocli-floor) java -cp "$jar:$work" PicocliFloor --format json ;;
    esac
}
run launcher > /dev/null 2>&1 || true # makes the launcher's class-data archive, outside the timing

declare -A times
for _ in $(seq "$runs"); do
    for name in "${names[@]}"; do
        start=$(date +%s%N)
        run "$name" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        times[$name]+="$(( (end - start) / 1000000 )) "
    done
done
median() {
    tr ' ' '\n' <<< "${times[$1]}" | grep . | sort -n | awk '{t[NR] = $1} END {print t[int((NR + 1) / 2)]}'
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); $runs rounds; median wall ms"
bare=$(median bare)
for name in "${names[@]}"; do
    ms=$(median "$name")
    printf '%-21s %5s  (%sx bare)\n' "$name" "$ms" "$(awk -v a="$ms" -v b="$bare" 'BEGIN {printf "%.1f", a / b}')"
done
