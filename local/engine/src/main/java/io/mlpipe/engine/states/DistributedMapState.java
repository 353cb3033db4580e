package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.ChildExecution;
import io.mlpipe.engine.runtime.Fork;
import io.mlpipe.engine.runtime.StateRun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Map state with "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": STANDARD | EXPRESS}:
 * "each iteration runs as a child workflow execution" with its own history, in a Map Run. The items
 * come from the "ItemReader" (S3) or, without one, from ItemsPath / Items like an inline Map;
 * "ItemSelector" shapes each item, "ItemBatcher" groups them, "MaxConcurrency" (0 = up to 10,000)
 * bounds the children running at once, "ToleratedFailureCount/Percentage" decide whether failed
 * children fail the run ("States.ExceedToleratedFailureThreshold"; by default any failure does),
 * and "ResultWriter" exports the children's results to S3. The parent history gets MapStateStarted,
 * MapRunStarted, then MapRunSucceeded or MapRunFailed, then MapStateSucceeded or MapStateFailed.
 */
final class DistributedMapState extends AbstractState {
    private final MapState.Items items;
    private final ItemReader reader;
    private final MapState.ItemSelector itemSelector;
    private final ItemBatcher batcher;
    private final StateGraph processor;
    private final MapState.Number maxConcurrency;
    private final MapState.Number toleratedCount;
    private final MapState.Number toleratedPercentage;
    private final String label;
    private final boolean express;
    private final ResultWriter writer;

    /** What the parser reads besides the common fields; {@code reader}, {@code batcher}, {@code writer} may be null. */
    record Fields(MapState.Items items, ItemReader reader, MapState.ItemSelector itemSelector, ItemBatcher batcher,
                  StateGraph processor, MapState.Number maxConcurrency, MapState.Number toleratedCount,
                  MapState.Number toleratedPercentage, String label, boolean express, ResultWriter writer) {}

    DistributedMapState(Common common, Fields f) {
        super(common);
        this.items = f.items();
        this.reader = f.reader();
        this.itemSelector = f.itemSelector();
        this.batcher = f.batcher();
        this.processor = f.processor();
        this.maxConcurrency = f.maxConcurrency();
        this.toleratedCount = f.toleratedCount();
        this.toleratedPercentage = f.toleratedPercentage();
        this.label = f.label() != null ? f.label() : common.name();
        this.express = f.express();
        this.writer = f.writer() != null ? f.writer() : ResultWriter.NONE;
    }

    public String type() { return "Map"; }

    /** Reading and writing S3 are service calls; without them the Map Run blocks only if its children may. */
    @Override
    public boolean mayBlock() { return reader != null || writer.exports() || processor.mayBlock(); }

    public JsonNode execute(JsonNode input, StateRun run) {
        JsonNode source;
        try {
            source = reader != null ? reader.read(input, run) : items.of(input, run);
        } catch (StatesError e) {
            run.event("MapStateFailed", null);
            throw e;
        }
        List<JsonNode> selected = new ArrayList<>(source.size());
        for (int i = 0; i < source.size(); i++) {
            JsonNode item = source.get(i);
            selected.add(itemSelector == null ? item : itemSelector.of(input, new MapState.ItemScope(run, i, item)));
        }
        List<JsonNode> inputs = batcher == null ? selected : batcher.batches(selected, input, run);
        ObjectNode started = Json.object();
        started.put("length", selected.size());
        run.event("MapStateStarted", started);
        MapRun mapRun = MapRun.start(label, express, run);
        run.event("MapRunStarted", Json.object().put("mapRunArn", mapRun.arn()));
        try {
            JsonNode result = runChildren(mapRun, inputs, selected.size(), input, run);
            run.event("MapRunSucceeded", null);
            run.event("MapStateSucceeded", null);
            return result;
        } catch (StatesError e) {
            if (Fork.isStop(e)) run.event("MapRunAborted", null);
            if (!Fork.isAbort(e)) {
                ObjectNode d = Json.object();
                d.put("error", e.error());
                d.put("cause", e.cause());
                run.event("MapRunFailed", d);
                run.event("MapStateFailed", null);
            }
            throw e;
        }
    }

    private JsonNode runChildren(MapRun mapRun, List<JsonNode> inputs, int itemCount, JsonNode input, StateRun run) {
        int count = inputs.size();
        FailureTolerance tolerance = new FailureTolerance(toleratedCount.of(input, run), toleratedPercentage.of(input, run));
        ChildExecution[] executions = new ChildExecution[count];
        long[] starts = new long[count];
        long[] stops = new long[count];
        AtomicInteger failedItems = new AtomicInteger();
        Fork.Outcome[] outcomes = run.forkExecutions(count, (int) Math.max(0, maxConcurrency.of(input, run)), processor.mayBlock(),
                (failures, total) -> tolerance.exceeded(failedItems.get(), itemCount),
                i -> executions[i] = mapRun.child(inputs.get(i), run),
                (i, child) -> {
                    starts[i] = run.now();
                    try {
                        return StateRun.runGraph(child, processor, inputs.get(i));
                    } catch (StatesError e) {
                        if (!Fork.isAbort(e)) failedItems.addAndGet(batcher == null ? 1 : inputs.get(i).get("Items").size());
                        throw e;
                    } finally {
                        stops[i] = run.now();
                    }
                });
        List<MapRun.Child> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Fork.Outcome o = outcomes[i];
            if (o == null || (o.error() != null && Fork.isAbort(o.error()))) continue;
            children.add(o.error() == null
                    ? new MapRun.Child(executions[i], starts[i], stops[i], "SUCCEEDED", o.output(), null, null)
                    : new MapRun.Child(executions[i], starts[i], stops[i], "FAILED", null, o.error().error(), o.error().cause()));
        }
        JsonNode result = writer.write(mapRun, children, input, run);
        if (tolerance.exceeded(failedItems.get(), itemCount)) {
            throw new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded ("
                    + failedItems.get() + " of " + itemCount + " items failed)");
        }
        return result;
    }
}
