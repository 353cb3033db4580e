package io.mlpipe.cli.pipeline;

import io.mlpipe.cli.CliException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows an execution by polling GetExecutionHistory, printing a line per state as it ends (name, status,
 * time in the state, time since the start) and, on a terminal, a transient line for the state running now.
 */
public final class ExecutionWatcher {
    private final SfnClient sfn;
    private final PrintWriter out;
    private final boolean live;
    private final Duration poll;

    /** @param live redraw a "running" line in place (only on a terminal: it writes carriage returns) */
    public ExecutionWatcher(SfnClient sfn, PrintWriter out, boolean live, Duration poll) {
        this.sfn = sfn;
        this.out = out;
        this.live = live;
        this.poll = poll;
    }

    /** How the execution ended: {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}. */
    public record Outcome(String status, String error, String cause, Duration duration) {
        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }
    }

    /** Follows until the execution ends, or fails with a message once {@code timeout} has passed. */
    public Outcome follow(String executionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Instant> entered = new HashMap<>();
        Map<String, String> jobs = new HashMap<>();
        Instant started = null;
        String current = null;
        String failureError = null;
        String failureCause = null;
        long lastId = 0;
        loop = new Loop();
        while (true) {
            List<HistoryEvent> events = sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000))
                    .events().stream().toList();
            for (HistoryEvent event : events) {
                if (event.id() <= lastId) {
                    continue;
                }
                lastId = event.id();
                String type = event.typeAsString();
                if (type.equals("ExecutionStarted")) {
                    started = event.timestamp();
                } else if (event.stateEnteredEventDetails() != null) {
                    current = event.stateEnteredEventDetails().name();
                    entered.put(current, event.timestamp());
                } else if (event.stateExitedEventDetails() != null) {
                    String name = event.stateExitedEventDetails().name();
                    Instant from = entered.remove(name);
                    if (!loop.repeated(name, from, event.timestamp())) {
                        loop.flush(started);
                        String job = jobs.remove(name);
                        line("✓", name, from, event.timestamp(), started, job == null ? "" : "job " + job);
                    }
                } else if (event.taskScheduledEventDetails() != null && current != null) {
                    String job = trainingJobName(event);
                    if (job != null) {
                        jobs.put(current, job);
                    }
                } else if (type.startsWith("Execution") && !type.equals("ExecutionStarted")) {
                    Failure failure = Failure.of(event);
                    loop.flush(started);
                    if (current != null && entered.containsKey(current) && failure != null) {
                        line("✗", current, entered.remove(current), event.timestamp(), started, failure.text());
                    }
                    clearLive();
                    String status = switch (type) {
                        case "ExecutionSucceeded" -> "SUCCEEDED";
                        case "ExecutionTimedOut" -> "TIMED_OUT";
                        case "ExecutionAborted" -> "ABORTED";
                        default -> "FAILED";
                    };
                    Duration took = started == null ? Duration.ZERO : Duration.between(started, event.timestamp());
                    return new Outcome(status, failure == null ? failureError : failure.error(),
                            failure == null ? failureCause : failure.cause(), took);
                } else {
                    Failure failure = Failure.of(event);
                    if (failure != null && current != null && entered.containsKey(current)) {
                        // a caught failure: the state ends here, the Catch goes on elsewhere
                        loop.flush(started);
                        failureError = failure.error();
                        failureCause = failure.cause();
                        line("✗", current, entered.remove(current), event.timestamp(), started, failure.text());
                    }
                }
            }
            if (live && current != null && entered.containsKey(current)) {
                Duration in = Duration.between(entered.get(current), Instant.now());
                out.printf("\r\033[K  … %-28s %7s", current, seconds(in));
                out.flush();
            }
            if (System.nanoTime() > deadline) {
                clearLive();
                throw new CliException("the execution is still running after " + timeout.toSeconds() + " s"
                        + (current == null ? "" : " (in " + current + ")") + ": follow it with ./mlpipe watch "
                        + executionArn);
            }
            sleep(poll);
        }
    }

    private Loop loop;

    /**
     * States a loop runs again (the endpoint wait loop: Wait, Describe, Choice): one line for all the
     * rounds once the loop is left, not one per round.
     */
    private final class Loop {
        private final java.util.Set<String> shown = new java.util.HashSet<>();
        private final java.util.LinkedHashSet<String> states = new java.util.LinkedHashSet<>();
        private int rounds;
        private Instant first;
        private Instant last;

        /** @return true when the state already had its line: counted here instead */
        boolean repeated(String state, Instant from, Instant to) {
            if (shown.add(state)) {
                return false;
            }
            if (states.isEmpty()) {
                first = from;
            }
            if (!states.add(state) && states.iterator().next().equals(state)) {
                rounds++;
            }
            rounds = Math.max(rounds, 1);
            last = to;
            return true;
        }

        void flush(Instant started) {
            if (states.isEmpty()) {
                return;
            }
            String names = String.join(" → ", states);
            line("↻", names.length() > 28 ? names.substring(0, 27) + "…" : names, first, last, started,
                    rounds + (rounds == 1 ? " more round" : " more rounds"));
            states.clear();
            rounds = 0;
        }
    }

    private void line(String mark, String state, Instant from, Instant to, Instant started, String detail) {
        clearLive();
        String took = from == null ? "" : seconds(Duration.between(from, to));
        String at = started == null ? "" : "at " + seconds(Duration.between(started, to));
        out.printf("  %s %-28s %7s  %9s%s%n", mark, state, took, at, detail.isEmpty() ? "" : "  " + detail);
        out.flush();
    }

    private void clearLive() {
        if (live) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    public static String seconds(Duration duration) {
        return String.format("%.2fs", duration.toMillis() / 1000.0);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** The training job a TaskScheduled event starts (what ./mlpipe logs needs), else null. */
    public static String trainingJobName(HistoryEvent event) {
        if (event.taskScheduledEventDetails() == null) {
            return null;
        }
        return Executions.json(event.taskScheduledEventDetails().parameters()).path("TrainingJobName").asText(null);
    }

    /** "error: cause" of a failure event, null for other events. */
    public static String failureText(HistoryEvent event) {
        Failure failure = Failure.of(event);
        return failure == null ? null : failure.text();
    }

    /** The error and cause an event carries, whichever kind of failure it reports. */
    record Failure(String error, String cause) {
        static Failure of(HistoryEvent e) {
            if (e.taskFailedEventDetails() != null) {
                return new Failure(e.taskFailedEventDetails().error(), e.taskFailedEventDetails().cause());
            }
            if (e.taskTimedOutEventDetails() != null) {
                return new Failure(e.taskTimedOutEventDetails().error(), e.taskTimedOutEventDetails().cause());
            }
            if (e.taskStartFailedEventDetails() != null) {
                return new Failure(e.taskStartFailedEventDetails().error(), e.taskStartFailedEventDetails().cause());
            }
            if (e.taskSubmitFailedEventDetails() != null) {
                return new Failure(e.taskSubmitFailedEventDetails().error(), e.taskSubmitFailedEventDetails().cause());
            }
            if (e.lambdaFunctionFailedEventDetails() != null) {
                return new Failure(e.lambdaFunctionFailedEventDetails().error(), e.lambdaFunctionFailedEventDetails().cause());
            }
            if (e.executionFailedEventDetails() != null) {
                return new Failure(e.executionFailedEventDetails().error(), e.executionFailedEventDetails().cause());
            }
            if (e.executionTimedOutEventDetails() != null) {
                return new Failure(e.executionTimedOutEventDetails().error(), e.executionTimedOutEventDetails().cause());
            }
            if (e.executionAbortedEventDetails() != null) {
                return new Failure(e.executionAbortedEventDetails().error(), e.executionAbortedEventDetails().cause());
            }
            return null;
        }

        String text() {
            String text = (error == null ? "failed" : error) + (cause == null || cause.isBlank() ? "" : ": " + cause);
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }
}
