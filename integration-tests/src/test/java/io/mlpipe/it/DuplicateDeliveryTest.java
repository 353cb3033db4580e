package io.mlpipe.it;

import static io.mlpipe.it.PipelineUser.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlpipe.it.Dataset.Kind;
import io.mlpipe.it.PipelineUser.Execution;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * EventBridge delivers at least once: the same Object Created event reaching the state machine again
 * (here: started again with exactly the event the rule delivered, while the first run is still going)
 * must not train again.
 */
class DuplicateDeliveryTest extends PipelineScenario {

    @Test
    void theSameObjectEventDeliveredAgainStartsNoSecondTraining() {
        String model = PipelineUser.model("duplicate");
        String key = user.drop(model, "data.csv", Dataset.of(Kind.BINARY, 31, 300, 10, 0.3).csv());
        Execution delivered = user.await("the execution the drop starts", () -> user.executions(key).stream().findFirst());

        String event = delivered.input().toString();
        String suffix = model.substring(model.lastIndexOf('-') + 1);
        user.startExecution("redelivered-1-" + suffix, event);
        user.startExecution("redelivered-2-" + suffix, event);
        List<Execution> executions = user.awaitExecutions(key, 3);

        assertEquals(3, executions.size(), executions.toString());
        executions.forEach(e -> assertEquals(ExecutionStatus.SUCCEEDED, e.status(), e.toString()));
        List<Execution> trained = executions.stream().filter(e -> !e.duplicate()).toList();
        assertEquals(1, trained.size(), "one execution trains, the others end as Duplicate: " + executions);
        assertEquals("DEPLOYED", trained.get(0).output().path("status").asText());
        assertEquals(1, user.trainingJobs(model).size(), "one training job");
        assertEquals(1, user.runs(model).size(), "one run");
        assertEquals(trained.get(0).arn(), s(user.runs(model).get(0), "executionArn"));
        executions.stream().filter(Execution::duplicate).forEach(e -> assertEquals(
                Optional.of("Duplicate"), lastState(e), "a redelivery ends in the Duplicate state"));
    }

    private Optional<String> lastState(Execution execution) {
        List<String> states = user.statesEntered(execution.arn());
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1));
    }
}
