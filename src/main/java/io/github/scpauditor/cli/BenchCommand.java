package io.github.scpauditor.cli;

import io.github.scpauditor.audit.Auditor;
import io.github.scpauditor.check.CheckContext;
import io.github.scpauditor.cli.Options.Value;
import io.github.scpauditor.org.OrgSnapshot;
import io.github.scpauditor.partition.Partition;
import io.github.scpauditor.policy.PolicySource;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class BenchCommand implements Callable<Integer> {

    private final CommandSpec spec = Options.command(this, "bench",
            "Measures the analysis: policies per second, heap, allocation and JIT time.",
            "Audits the policies under PATH repeatedly on this thread, after a warm-up,",
            "and prints those figures for the measured passes.");

    private final Value<Integer> iterations = Options.option(spec, int.class, OptionSpec.builder("--iterations")
            .paramLabel("N").defaultValue("100")
            .description("Measured passes over all the policies (default ${DEFAULT-VALUE})."));

    // By time, not passes: C2 takes seconds to settle on the large check methods (longer on one core, where it
    // shares the core with the audits), and ten passes over the reference corpus measured a half-compiled auditor.
    private final Value<Integer> warmupSeconds = Options.option(spec, int.class, OptionSpec.builder("--warmup-seconds")
            .paramLabel("S").defaultValue("30").description("Seconds of unmeasured passes first, so the JIT has"
                    + " compiled the hot code (default ${DEFAULT-VALUE})."));

    private final Value<String> partitionId = Options.partition(spec);

    private final Value<List<String>> paths = Options.positionals(spec, String.class, PositionalParamSpec.builder()
            .paramLabel("PATH").arity("1..*").required(true)
            .description("Policy files, folders or organisation snapshots."));

    BenchCommand() {
        Options.helpAndVersion(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        int iterations = Options.positive(commandLine, "--iterations", this.iterations.get());
        int warmupSeconds = this.warmupSeconds.get();
        if (warmupSeconds < 0) {
            throw new CommandLine.ParameterException(commandLine, "--warmup-seconds must be 0 or more, not " + warmupSeconds);
        }
        PrintWriter out = commandLine.getOut();
        List<PolicySource> policies = new ArrayList<>();
        boolean unusable = false;
        for (Inputs.Input input : Inputs.load(paths.get())) {
            if (input instanceof Inputs.Input.Policy policy) {
                policies.add(policy.source());
            } else if (input instanceof Inputs.Input.Snapshot snapshot) {
                for (OrgSnapshot.Scp scp : snapshot.snapshot().policies()) {
                    policies.add(new PolicySource(scp.name(), scp.id(), scp.content()));
                }
            } else if (input instanceof Inputs.Input.Unusable bad) {
                commandLine.getErr().println("scp-auditor: " + bad.error().source() + ": " + bad.error().message());
                unusable = true;
            }
        }
        if (policies.isEmpty()) {
            commandLine.getErr().println("scp-auditor: no policy to measure");
            return Main.INPUT_ERROR;
        }
        Partition partition = Options.partition(commandLine, partitionId.get());
        Auditor auditor = new Auditor(partition, CheckContext.DEFAULT_SIZE_QUOTA);

        // The management beans are set up before the warm-up: their streams and lambdas, first run between the
        // warm-up and the measurement, made the JIT throw away and recompile audit code it had inlined them into.
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long findings = 0;
        int warmup = 0;
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (warmup == 0 || System.nanoTime() < warmupEnd) {
            findings += pass(auditor, policies);
            warmup++;
        }
        // No System.gc() here: G1 answers it by shrinking the heap, and the measured passes then paid for growing
        // it again (page faults): half the rate of the same passes without it.
        for (MemoryPoolMXBean pool : heap) {
            pool.resetPeakUsage();
        }
        long allocatedStart = allocatedBytes(threads);
        long jitStart = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            findings += pass(auditor, policies);
        }
        long nanos = System.nanoTime() - start;
        // CPU time too: on a busy machine the wall clock also counts the time other processes held the core.
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        long allocated = allocatedStart < 0 ? -1 : allocatedBytes(threads) - allocatedStart;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : heap) {
            peakHeap += pool.getPeakUsage().getUsed();
        }
        long jitMillis = jitStart < 0 ? -1 : jit.getTotalCompilationTime() - jitStart;
        // What the auditor keeps (its shared analysis caches) once the garbage of the passes is gone.
        System.gc();
        long retained = 0;
        for (MemoryPoolMXBean pool : heap) {
            retained += pool.getUsage().getUsed();
        }

        long audited = (long) policies.size() * iterations;
        out.printf(Locale.ROOT, "%d policies x %d passes (after %d warm-up passes in %d s) in %.1f ms on one thread%n",
                policies.size(), iterations, warmup, warmupSeconds, nanos / 1e6);
        out.printf(Locale.ROOT, "%,.0f policies/s (wall clock), %.1f us per policy%n", audited / (nanos / 1e9),
                nanos / 1e3 / audited);
        out.printf(Locale.ROOT, "%,.0f policies per CPU second of this thread, %.1f us per policy%n",
                audited / (cpuNanos / 1e9), cpuNanos / 1e3 / audited);
        out.printf(Locale.ROOT, "peak heap during the measured passes: %.1f MiB (sum of heap pool peaks, garbage included:"
                + " the collector decides how much it lets pile up)%n", peakHeap / (1024.0 * 1024.0));
        out.printf(Locale.ROOT, "heap in use after the passes and a full collection: %.1f MiB%n", retained / (1024.0 * 1024.0));
        if (allocated >= 0) {
            out.printf(Locale.ROOT, "allocated per policy: %.1f KiB%n", allocated / 1024.0 / audited);
        }
        if (jitMillis >= 0) {
            // The compiler threads' time: on one core it is taken from the audits, so a large figure means
            // the wall-clock rate is not yet the steady state (warm up longer).
            out.printf(Locale.ROOT, "JIT compilation during the measured passes: %d ms%n", jitMillis);
        }
        // Printed so the JIT cannot discard the audits as unused work.
        out.printf(Locale.ROOT, "findings per pass: %d%n", findings / (warmup + iterations));
        return unusable ? Main.INPUT_ERROR : Main.CLEAN;
    }

    /** Bytes this thread has allocated so far; -1 where the JVM does not count them. */
    private static long allocatedBytes(ThreadMXBean threads) {
        return threads instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()
                ? counting.getCurrentThreadAllocatedBytes() : -1;
    }

    private static long pass(Auditor auditor, List<PolicySource> policies) {
        long findings = 0;
        for (PolicySource policy : policies) {
            findings += auditor.audit(policy).size();
        }
        return findings;
    }
}
