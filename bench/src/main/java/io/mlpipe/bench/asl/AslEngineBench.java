package io.mlpipe.bench.asl;

import io.mlpipe.bench.Command;
import java.util.List;
import java.util.Map;
import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import java.util.stream.Collectors;

/**
 * The ASL engine against the npm engine aws-local-stepfunctions: bench/asl/run, which runs both on the same
 * definitions in one run (node needs its own process, so the comparison lives in that script).
 */
public final class AslEngineBench implements Benchmark {
    @Override
    public String name() {
        return "asl";
    }

    @Override
    public String summary() {
        return "ASL engine vs aws-local-stepfunctions (npm), same definitions, one run";
    }

    @Override
    public String run(BenchContext context) throws Exception {
        String rounds = context.quick() ? "1" : "5";
        Command.Result run = Command.run(List.of(context.root().resolve("bench/asl/run").toString(), rounds),
                context.root(), Map.of(), true, 30 * 60);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("bench/asl/run failed (exit " + run.exitCode() + "); its errors are above");
        }
        // the script's own machine line repeats Main's: keep the table
        String table = run.stdout().lines().filter(line -> line.startsWith("|")).collect(Collectors.joining("\n"));
        return """
                ## ASL engine

                The three definitions in `bench/asl/definitions/` on mlpipe's engine (`local/engine`) and on the npm
                package `aws-local-stepfunctions` (pinned in `bench/asl/package.json`), in one run: warm-up, then the
                median of %s round(s). Transitions are state entries; no history listener; wait scale 0; no service calls.

                %s

                %s
                """.formatted(rounds, table.strip(), context.reproduce() + " The npm side alone: `bench/asl/run [ROUNDS]`.");
    }
}
