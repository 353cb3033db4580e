package io.mlpipe.engine.states;

import io.mlpipe.engine.ErrorNames;

import java.util.List;

/** "ErrorEquals": the names a Retrier or Catcher matches, with the States.ALL and States.TaskFailed wildcards. */
final class ErrorMatcher {
    private ErrorMatcher() {}

    static boolean matches(List<String> errorEquals, String error) {
        for (String e : errorEquals) {
            if (e.equals(error)) return true;
            if (e.equals(ErrorNames.ALL) && ErrorNames.matchedByAll(error)) return true;
            if (e.equals(ErrorNames.TASK_FAILED) && ErrorNames.matchedByTaskFailed(error)) return true;
        }
        return false;
    }
}
