package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The AWS CLI v2 ({@code /usr/bin/aws}, Debian's awscli) against the twin, as a user runs it. */
class AwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", SharedTwin.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws " + String.join(" ", args) + " did not end");
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void theCliCreatesAMachineRunsItAndReadsTheExecutionAndItsHistory() throws Exception {
        String name = Machines.unique("cli");
        Result created = aws("stepfunctions", "create-state-machine", "--name", name, "--definition", ExecutionApiTest.ADD,
                "--role-arn", Machines.ROLE);
        assertEquals(0, created.exit(), created.err());
        String machine = created.json().path("stateMachineArn").asText();

        Result started = aws("stepfunctions", "start-execution", "--state-machine-arn", machine, "--name", "first",
                "--input", "{\"a\":40,\"b\":2}");
        assertEquals(0, started.exit(), started.err());
        String execution = started.json().path("executionArn").asText();
        Machines.awaitEnd(Clients.sfn(SharedTwin.endpoint()), execution);

        JsonNode described = aws("stepfunctions", "describe-execution", "--execution-arn", execution).json();
        assertEquals("SUCCEEDED", described.path("status").asText());
        assertEquals("{\"sum\":42}", described.path("output").asText());

        JsonNode listed = aws("stepfunctions", "list-executions", "--state-machine-arn", machine, "--status-filter", "SUCCEEDED").json();
        assertEquals(execution, listed.path("executions").path(0).path("executionArn").asText());

        JsonNode history = aws("stepfunctions", "get-execution-history", "--execution-arn", execution, "--reverse-order").json();
        assertEquals("ExecutionSucceeded", history.path("events").path(0).path("type").asText());
        assertEquals("ExecutionStarted", history.path("events").path(history.path("events").size() - 1).path("type").asText());

        JsonNode machines = aws("stepfunctions", "list-state-machines").json();
        assertTrue(machines.path("stateMachines").toString().contains(machine));
    }

    @Test
    void theCliShowsAwsErrorCodes() throws Exception {
        Result missing = aws("stepfunctions", "describe-execution", "--execution-arn",
                "arn:aws:states:us-east-1:000000000000:execution:nothing:here");
        assertNotEquals(0, missing.exit());
        assertTrue(missing.err().contains("ExecutionDoesNotExist"), missing.err());

        Result invalid = aws("stepfunctions", "create-state-machine", "--name", Machines.unique("cli-bad"), "--definition",
                "{\"StartAt\":\"X\",\"States\":{}}", "--role-arn", Machines.ROLE);
        assertNotEquals(0, invalid.exit());
        assertTrue(invalid.err().contains("InvalidDefinition"), invalid.err());
    }
}
