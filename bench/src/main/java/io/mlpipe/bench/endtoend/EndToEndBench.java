package io.mlpipe.bench.endtoend;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;

/** Placeholder until this benchmark is built (issue 8). */
public final class EndToEndBench implements Benchmark {
    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public String summary() {
        return "not built yet";
    }

    @Override
    public String run(BenchContext context) {
        throw new UnsupportedOperationException("e2e: not built yet");
    }
}
