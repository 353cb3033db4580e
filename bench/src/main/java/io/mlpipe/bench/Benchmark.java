package io.mlpipe.bench;

/**
 * One benchmark of BENCHMARKS.md: measures mlpipe side by side with its limit or peer in the same run and
 * returns its Markdown section (heading, what was measured, the table, the command that reproduces it).
 */
public interface Benchmark {
    /** The name `./mlpipe bench NAME` selects it by. */
    String name();

    /** One line for `./mlpipe bench --list`. */
    String summary();

    /** Runs it; progress goes to {@link BenchContext#progress}, the result is the returned Markdown. */
    String run(BenchContext context) throws Exception;
}
