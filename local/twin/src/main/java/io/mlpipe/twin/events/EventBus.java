package io.mlpipe.twin.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.AwsError;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.store.JsonFile;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.event.ruler.Machine;

/**
 * The local EventBridge: rules (kept in AWS's own JSON shapes and persisted), matched with event-ruler,
 * and their targets' delivery with RetryPolicy and a dead-letter queue, asynchronously like the real one.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventBus.class.getName());
    public static final String DEFAULT_BUS = "default";

    private final JsonFile file;
    private final Clock clock;
    private final String region;
    private final String account;
    private final Duration retryDelay;
    /** "bus|name" -> rule, with its targets under "Targets" */
    private final Map<String, ObjectNode> rules = new LinkedHashMap<>();
    private final Map<String, EventTarget> targets = new ConcurrentHashMap<>();
    private final ExecutorService deliveries = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mlpipe-events-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Machine machine = new Machine();

    public EventBus(JsonFile file, Clock clock, String region, String account, Duration retryDelay) {
        this.file = file;
        this.clock = clock;
        this.region = region;
        this.account = account;
        this.retryDelay = retryDelay;
        file.read().ifPresent(saved -> saved.fields().forEachRemaining(e -> rules.put(e.getKey(), (ObjectNode) e.getValue())));
        rebuildMachine();
    }

    /** Delivers to targets whose ARN names this service ({@code arn:aws:<service>:...}). */
    public void target(String service, EventTarget target) {
        targets.put(service, target);
    }

    // ---- rules ----

    public synchronized String putRule(JsonNode request) {
        String name = required(request, "Name");
        String bus = busName(request.path("EventBusName").asText(DEFAULT_BUS));
        String pattern = request.path("EventPattern").asText(null);
        if (pattern == null && !request.hasNonNull("ScheduleExpression")) {
            throw AwsError.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            validatePattern(pattern);
        }
        ObjectNode rule = rules.get(bus + "|" + name);
        if (rule == null) {
            rule = Json.object();
            rule.putArray("Targets");
        }
        rule.put("Name", name).put("Arn", ruleArn(bus, name)).put("EventBusName", bus)
                .put("State", request.path("State").asText("ENABLED"));
        for (String field : List.of("EventPattern", "ScheduleExpression", "Description", "RoleArn")) {
            if (request.hasNonNull(field)) {
                rule.put(field, request.get(field).asText());
            } else {
                rule.remove(field);
            }
        }
        rules.put(bus + "|" + name, rule);
        saveAndRebuild();
        return rule.get("Arn").asText();
    }

    public synchronized ObjectNode describeRule(String name, String bus) {
        ObjectNode rule = rule(name, bus).deepCopy();
        rule.remove("Targets");
        return rule;
    }

    public synchronized List<ObjectNode> listRules(String prefix, String bus) {
        List<ObjectNode> found = new ArrayList<>();
        rules.values().stream()
                .filter(r -> r.get("EventBusName").asText().equals(bus) && r.get("Name").asText().startsWith(prefix))
                .forEach(r -> found.add(describeRule(r.get("Name").asText(), bus)));
        return found;
    }

    public synchronized void deleteRule(String name, String bus) {
        if (!rule(name, bus).get("Targets").isEmpty()) {
            throw AwsError.validation("Rule can't be deleted since it has targets.");
        }
        rules.remove(bus + "|" + name);
        saveAndRebuild();
    }

    public synchronized void setState(String name, String bus, boolean enabled) {
        rule(name, bus).put("State", enabled ? "ENABLED" : "DISABLED");
        saveAndRebuild();
    }

    public synchronized void putTargets(String name, String bus, JsonNode newTargets) {
        ArrayNode existing = (ArrayNode) rule(name, bus).get("Targets");
        for (JsonNode target : newTargets) {
            required(target, "Id");
            required(target, "Arn");
            checkPaths(target);
        }
        for (JsonNode target : newTargets) {
            removeTarget(existing, target.get("Id").asText());
            existing.add(target);
        }
        saveAndRebuild();
    }

    public synchronized ArrayNode targets(String name, String bus) {
        return rule(name, bus).get("Targets").deepCopy();
    }

    public synchronized void removeTargets(String name, String bus, JsonNode ids) {
        ArrayNode existing = (ArrayNode) rule(name, bus).get("Targets");
        ids.forEach(id -> removeTarget(existing, id.asText()));
        saveAndRebuild();
    }

    /** InputPath and InputPathsMap must be JSONPaths EventBridge accepts: refused here, not at delivery. */
    private static void checkPaths(JsonNode target) {
        List<String> paths = new ArrayList<>();
        if (target.hasNonNull("InputPath")) {
            paths.add(target.get("InputPath").asText());
        }
        target.path("InputTransformer").path("InputPathsMap").forEach(path -> paths.add(path.asText()));
        for (String path : paths) {
            try {
                JsonPaths.check(path);
            } catch (IllegalArgumentException e) {
                throw AwsError.validation("Target " + target.path("Id").asText() + ": " + e.getMessage());
            }
        }
    }

    private static void removeTarget(ArrayNode targets, String id) {
        Iterator<JsonNode> it = targets.iterator();
        while (it.hasNext()) {
            if (it.next().path("Id").asText().equals(id)) {
                it.remove();
            }
        }
    }

    private ObjectNode rule(String name, String bus) {
        ObjectNode rule = rules.get(bus + "|" + name);
        if (rule == null) {
            throw AwsError.client("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + bus + ".");
        }
        return rule;
    }

    /** A bus named by name or by ARN ({@code arn:aws:events:...:event-bus/<name>}) -> its name. */
    public static String busName(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    public String ruleArn(String bus, String name) {
        return "arn:aws:events:" + region + ":" + account + ":rule/" + (DEFAULT_BUS.equals(bus) ? "" : bus + "/") + name;
    }

    private static void validatePattern(String pattern) {
        try {
            new Machine().addRule("check", pattern);
        } catch (Exception e) {
            throw AwsError.client("InvalidEventPatternException", "Event pattern is not valid. Reason: " + e.getMessage());
        }
    }

    private static String required(JsonNode request, String field) {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw AwsError.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private void saveAndRebuild() {
        file.write(rules);
        rebuildMachine();
    }

    /** Rules are few: rebuilding the whole matcher on each change keeps it simple and always consistent. */
    private void rebuildMachine() {
        Machine fresh = new Machine();
        rules.forEach((id, rule) -> {
            if ("ENABLED".equals(rule.path("State").asText()) && rule.hasNonNull("EventPattern")) {
                try {
                    fresh.addRule(id, rule.get("EventPattern").asText());
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "rule " + id + " has an invalid pattern", e);
                }
            }
        });
        machine = fresh;
    }

    // ---- events ----

    /** Builds the event PutEvents makes of an entry (the envelope AWS adds around Detail). */
    public ObjectNode envelope(JsonNode entry, String id) {
        ObjectNode event = Json.object().put("version", "0").put("id", id)
                .put("detail-type", entry.path("DetailType").asText())
                .put("source", entry.path("Source").asText())
                .put("account", account)
                .put("time", entry.hasNonNull("Time") ? toIso(entry.get("Time")) : clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("region", region);
        ArrayNode resources = event.putArray("resources");
        entry.path("Resources").forEach(resources::add);
        try {
            event.set("detail", Json.MAPPER.readTree(entry.path("Detail").asText("{}")));
        } catch (Exception e) {
            throw new IllegalArgumentException("Detail is malformed.");
        }
        return event;
    }

    private static String toIso(JsonNode time) {
        // the JSON protocol sends timestamps as epoch seconds
        return time.isNumber()
                ? java.time.Instant.ofEpochMilli((long) (time.asDouble() * 1000)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                : time.asText();
    }

    /** Puts one complete event on a bus: every enabled rule it matches delivers it to its targets. */
    public void publish(String bus, ObjectNode event) {
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event-ruler could not match " + event, e);
            return;
        }
        for (String id : matched) {
            ObjectNode rule;
            synchronized (this) {
                rule = rules.get(id);
                if (rule == null || !rule.path("EventBusName").asText().equals(bus)) {
                    continue;
                }
                rule = rule.deepCopy();
            }
            for (JsonNode target : rule.get("Targets")) {
                ObjectNode theRule = rule;
                deliveries.submit(() -> deliver(theRule, target, event));
            }
        }
    }

    public void publish(ObjectNode event) {
        publish(DEFAULT_BUS, event);
    }

    private void deliver(ObjectNode rule, JsonNode target, ObjectNode event) {
        String ruleName = rule.get("Name").asText();
        String ruleArn = rule.get("Arn").asText();
        String arn = target.get("Arn").asText();
        int maxRetries = target.path("RetryPolicy").path("MaximumRetryAttempts").asInt(185);
        long maxAgeMillis = target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asLong(86_400) * 1000;
        long started = clock.millis();
        String input;
        try {
            input = TargetInput.of(target, event, ruleName, ruleArn);
        } catch (RuntimeException e) {
            // a transformation that cannot apply to this event: retrying would not change it
            deadLetter(target, event, ruleArn, arn, "InvalidInput", e.getMessage(), 0);
            return;
        }
        String code;
        String message;
        int attempt = 0;
        while (true) {
            try {
                EventTarget delivery = targets.get(serviceOf(arn));
                if (delivery == null) {
                    throw new EventTarget.TargetFailure("UnsupportedTarget", "the twin cannot deliver to " + arn);
                }
                delivery.deliver(arn, target.path("RoleArn").asText(rule.path("RoleArn").asText(null)), input);
                return;
            } catch (EventTarget.TargetFailure e) {
                code = e.code();
                message = e.getMessage();
                break;
            } catch (Exception e) {
                code = e.getClass().getSimpleName();
                message = String.valueOf(e.getMessage());
                if (attempt >= maxRetries || clock.millis() - started >= maxAgeMillis) {
                    break;
                }
                attempt++;
                try {
                    Thread.sleep(retryDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        deadLetter(target, event, ruleArn, arn, code, message, attempt);
    }

    private void deadLetter(JsonNode target, ObjectNode event, String ruleArn, String targetArn, String code,
                            String message, int retries) {
        String dlq = target.path("DeadLetterConfig").path("Arn").asText(null);
        LOG.warning("delivery of event " + event.path("id").asText() + " to " + targetArn + " failed (" + code + ": "
                + message + ")" + (dlq == null ? ", no dead-letter queue: dropped" : ", sent to " + dlq));
        if (dlq == null) {
            return;
        }
        ObjectNode attributes = Json.object();
        attribute(attributes, "RULE_ARN", ruleArn);
        attribute(attributes, "TARGET_ARN", targetArn);
        attribute(attributes, "ERROR_CODE", code);
        attribute(attributes, "ERROR_MESSAGE", message);
        attribute(attributes, "RETRY_ATTEMPTS", String.valueOf(retries));
        EventTarget sqs = targets.get("sqs");
        try {
            if (sqs instanceof DeadLetterQueue queue) {
                queue.sendWithAttributes(dlq, event.toString(), attributes);
            } else if (sqs != null) {
                sqs.deliver(dlq, null, event.toString());
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not write to dead-letter queue " + dlq, e);
        }
    }

    private static void attribute(ObjectNode attributes, String name, String value) {
        attributes.putObject(name).put("DataType", "String").put("StringValue", value == null ? "" : value);
    }

    private static String serviceOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 2 ? parts[2] : "";
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }

    /** An SQS target that can also carry message attributes (what a dead-letter message needs). */
    public interface DeadLetterQueue extends EventTarget {
        void sendWithAttributes(String queueArn, String body, ObjectNode messageAttributes);
    }
}
