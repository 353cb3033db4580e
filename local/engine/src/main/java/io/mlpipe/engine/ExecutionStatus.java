package io.mlpipe.engine;

/** DescribeExecution's status values. */
public enum ExecutionStatus { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
