package io.mlpipe.bench.preprocess;

import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;

/** Placeholder until this benchmark is built (issue 8). */
public final class PreprocessBench implements Benchmark {
    @Override
    public String name() {
        return "preprocess";
    }

    @Override
    public String summary() {
        return "not built yet";
    }

    @Override
    public String run(BenchContext context) {
        throw new UnsupportedOperationException("preprocess: not built yet");
    }
}
