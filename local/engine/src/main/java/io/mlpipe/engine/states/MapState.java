package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.json.Scope;
import io.mlpipe.engine.json.Variables;
import io.mlpipe.engine.runtime.Fork;
import io.mlpipe.engine.runtime.StateRun;
import io.mlpipe.engine.spi.Entropy;

import java.util.Iterator;
import java.util.Map;

/**
 * "The Map State ... runs a set of steps for each element of an input array": the items come from
 * ItemsPath (JSONPath, default "$") or Items (JSONata); "ItemSelector (formerly Parameters)
 * builds each iteration's input" and may read $$.Map.Item.Index / .Value; the ItemProcessor
 * (formerly Iterator) runs once per item, "MaxConcurrency" at a time (0 = as many as possible);
 * "the result is an array of the iterations' outputs, in item order". An iteration's failure
 * fails the state unless ToleratedFailureCount/Percentage allow it; exceeding them is
 * States.ExceedToleratedFailureThreshold.
 */
final class MapState extends AbstractState {

    /** Selects the items array from the effective input. */
    interface Items { JsonNode of(JsonNode input, StateRun run); }

    /** Builds one iteration's input; {@code scope} shows $$.Map.Item. */
    interface ItemSelector { JsonNode of(JsonNode input, Scope scope); }

    /** An integer setting computed from the input (MaxConcurrency, ToleratedFailureCount/Percentage); negative = absent. */
    interface Number { double of(JsonNode input, StateRun run); }

    private final Items items;
    private final ItemSelector itemSelector;
    private final StateGraph processor;
    private final Number maxConcurrency;
    private final Number toleratedCount;
    private final Number toleratedPercentage;

    MapState(Common common, Items items, ItemSelector itemSelector, StateGraph processor, Number maxConcurrency,
             Number toleratedCount, Number toleratedPercentage) {
        super(common);
        this.items = items;
        this.itemSelector = itemSelector;
        this.processor = processor;
        this.maxConcurrency = maxConcurrency;
        this.toleratedCount = toleratedCount;
        this.toleratedPercentage = toleratedPercentage;
    }

    public String type() { return "Map"; }

    @Override
    public boolean mayBlock() { return processor.mayBlock(); }

    public JsonNode execute(JsonNode input, StateRun run) {
        JsonNode array = items.of(input, run);
        int count = array.size();
        double maxConc = maxConcurrency.of(input, run);
        double tolCount = toleratedCount.of(input, run);
        double tolPercent = toleratedPercentage.of(input, run);
        FailureTolerance tolerance = new FailureTolerance(tolCount, tolPercent);
        boolean tolerant = tolerance.given();
        Fork.FailurePolicy policy = tolerance::exceeded;
        ObjectNode started = Json.object();
        started.put("length", count);
        run.event("MapStateStarted", started);
        Fork.Outcome[] outcomes = run.fork(count, (int) Math.max(0, maxConc), processor.mayBlock(), policy,
                (i, child) -> iterate(i, array.get(i), input, child, run));
        ArrayNode result = Json.NODES.arrayNode(count);
        int failures = 0;
        StatesError firstError = null;
        for (Fork.Outcome o : outcomes) {
            if (o == null) continue;
            if (o.error() != null) {
                if (Fork.isAbort(o.error())) continue;
                failures++;
                if (firstError == null) firstError = o.error();
                ObjectNode errorOutput = result.addObject();
                errorOutput.put("Error", o.error().error());
                errorOutput.put("Cause", o.error().cause());
            } else {
                result.add(o.output());
            }
        }
        if (failures > 0 && policy.failed(failures, count)) {
            run.event("MapStateFailed", null);
            if (!tolerant) throw firstError;
            throw new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The number of failed items (" + failures + " of " + count + ") exceeds the tolerated failure threshold");
        }
        run.event("MapStateSucceeded", null);
        return result;
    }

    private JsonNode iterate(int index, JsonNode item, JsonNode input, io.mlpipe.engine.runtime.Branch child, StateRun run) {
        ObjectNode iteration = Json.object();
        iteration.put("name", name());
        iteration.put("index", index);
        Fork.event(child, "MapIterationStarted", iteration);
        try {
            JsonNode iterationInput = itemSelector == null ? item : itemSelector.of(input, new ItemScope(run, index, item));
            JsonNode out = StateRun.runGraph(child, processor, iterationInput);
            Fork.event(child, "MapIterationSucceeded", iteration);
            return out;
        } catch (StatesError e) {
            Fork.event(child, Fork.isAbort(e) ? "MapIterationAborted" : "MapIterationFailed", iteration);
            throw e;
        }
    }

    /** The Map state's scope plus "$$.Map.Item": {"Index": n, "Value": item}. */
    static final class ItemScope implements Scope {
        private final StateRun run;
        private final int index;
        private final JsonNode item;
        private ObjectNode context;

        ItemScope(StateRun run, int index, JsonNode item) {
            this.run = run;
            this.index = index;
            this.item = item;
        }

        public JsonNode context() {
            if (context != null) return context;
            ObjectNode c = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = run.context().fields(); it.hasNext(); ) {
                var e = it.next();
                c.set(e.getKey(), e.getValue());
            }
            c.putObject("Map").set("Item", Fork.mapItem(index, item));
            context = c;
            return c;
        }

        public Variables variables() { return run.variables(); }

        public Entropy entropy() { return run.entropy(); }

        public io.mlpipe.engine.spi.TimeSource time() { return run.time(); }
    }
}
