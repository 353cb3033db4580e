package io.mlpipe.bench.coldstart;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;

/** Placeholder until this benchmark is built (issue 8). */
public final class ColdStartBench implements Benchmark {
    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public String summary() {
        return "not built yet";
    }

    @Override
    public String run(BenchContext context) {
        throw new UnsupportedOperationException("coldstart: not built yet");
    }
}
