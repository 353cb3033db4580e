package io.mlpipe.engine;

/** The predefined error names of the Amazon States Language ("States." prefix is reserved). */
public final class ErrorNames {
    private ErrorNames() {}

    /** A wildcard that matches any known error name (except States.Runtime and States.DataLimitExceeded). */
    public static final String ALL = "States.ALL";
    /** Any task failure except States.Timeout and the terminal ones. */
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

    /**
     * "States.ALL ... matches any known error name" — but States.Runtime and
     * States.DataLimitExceeded are terminal: AWS does not let States.ALL catch or retry them.
     */
    public static boolean matchedByAll(String error) {
        return !RUNTIME.equals(error) && !DATA_LIMIT_EXCEEDED.equals(error);
    }

    /** "When used in a retry or catch, States.TaskFailed acts as a wildcard that matches any
     * known error name except for States.Timeout." */
    public static boolean matchedByTaskFailed(String error) {
        return matchedByAll(error) && !TIMEOUT.equals(error);
    }
}
