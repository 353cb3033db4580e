package io.mlpipe.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.spi.JobPoller;
import io.mlpipe.engine.spi.ServiceIntegration;
import io.mlpipe.engine.spi.TaskRequest;
import io.mlpipe.engine.spi.TaskResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An in-memory service double. Per resource ARN, a queue of scripted answers, used in order (the
 * last one repeats): {"output": ...} answers, {"error": "...", "cause": "..."} fails, {"echo": true}
 * answers the parameters, {"job": [null, null, {...}]} starts a .sync job whose polls answer those
 * values in turn (null = still running; an {"error":...} item fails the job).
 */
final class ScriptedIntegration implements ServiceIntegration {
    private final Map<String, Deque<JsonNode>> script = new HashMap<>();
    final List<TaskRequest> requests = Collections.synchronizedList(new ArrayList<>());
    int polls;

    ScriptedIntegration(JsonNode services) {
        if (services != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
                var e = it.next();
                Deque<JsonNode> q = new ArrayDeque<>();
                if (e.getValue().isArray()) e.getValue().forEach(q::add);
                else q.add(e.getValue());
                script.put(e.getKey(), q);
            }
        }
    }

    @Override
    public synchronized TaskResponse invoke(TaskRequest request) {
        requests.add(request);
        Deque<JsonNode> q = script.get(request.resource());
        if (q == null || q.isEmpty()) return TaskResponse.result(request.parameters());
        JsonNode answer = q.size() > 1 ? q.poll() : q.peek();
        if (answer.has("error")) throw new StatesError(answer.get("error").asText(), answer.path("cause").asText(""));
        if (answer.has("echo")) return TaskResponse.result(request.parameters());
        if (answer.has("job")) {
            Deque<JsonNode> polls = new ArrayDeque<>();
            answer.get("job").forEach(polls::add);
            return new TaskResponse.Job(answer.path("submitted"), new JobPoller() {
                public JsonNode poll() {
                    synchronized (ScriptedIntegration.this) {
                        ScriptedIntegration.this.polls++;
                    }
                    JsonNode p = polls.size() > 1 ? polls.poll() : polls.peek();
                    if (p == null || p.isNull()) return null;
                    if (p.has("error")) throw new StatesError(p.get("error").asText(), p.path("cause").asText(""));
                    return p;
                }
            }, 30);
        }
        return TaskResponse.result(answer.get("output"));
    }
}
