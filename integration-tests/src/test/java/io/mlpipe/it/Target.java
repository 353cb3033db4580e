package io.mlpipe.it;

/** Where the scenarios run: every scenario class runs once per target. */
public enum Target {
    /** The local twin, started once per test JVM: always. */
    TWIN,
    /** A real AWS deployment: only with {@code MLPIPE_AWS_IT=1} and AWS credentials. */
    AWS
}
