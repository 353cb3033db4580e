package io.mlpipe.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.AslEngine;
import io.mlpipe.engine.EngineConfig;
import io.mlpipe.engine.ExecutionListener;
import io.mlpipe.engine.ExecutionRequest;
import io.mlpipe.engine.ExecutionResult;
import io.mlpipe.engine.StateMachineDefinition;
import io.mlpipe.engine.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ASL engine benchmark (a plain main, not a test): the three definitions of bench/asl/definitions,
 * timed like bench.mjs times them on aws-local-stepfunctions (warm-up, then the median of N rounds),
 * and a comparison table when that run's JSON lines are given.
 *
 * <p>Usage: AslBench DEFINITIONS_DIR ROUNDS [NPM_RESULTS.jsonl]
 */
public final class AslBench {

    record Case(String name, StateMachineDefinition definition, JsonNode input, int executions) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ArrayNode items = Json.NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) items.addObject().put("id", "item-" + i);
        List<Case> cases = List.of(
                new Case("loop", load(dir, "loop"), Json.parse("{\"count\":0}"), 1),
                new Case("map", load(dir, "map"), items, 1),
                new Case("one-state", load(dir, "one-state"), Json.parse("{\"a\":1}"), 1000));
        AslEngine engine = new AslEngine(EngineConfig.defaults().withWaitScale(0));
        Map<String, Double> npm = args.length > 2 ? npmResults(Path.of(args[2])) : Map.of();
        System.out.println("| case | transitions per execution | mlpipe engine (median) | aws-local-stepfunctions (median) | mlpipe transitions/s | npm transitions/s | speed-up |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            long transitions = transitions(engine, c);
            for (int w = 0; w < warmups(c); w++) time(engine, c); // let the JIT compile the hot path
            double[] millis = new double[rounds];
            for (int r = 0; r < rounds; r++) millis[r] = time(engine, c);
            Arrays.sort(millis);
            double ours = millis[rounds / 2];
            Double theirs = npm.get(c.name());
            double oursRate = transitions * c.executions() / (ours / 1000);
            String theirRate = theirs == null ? "-" : fmt(transitions * c.executions() / (theirs / 1000));
            String speedup = theirs == null ? "-" : String.format(Locale.ROOT, "%.0fx", theirs / ours);
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", c.name(), transitions,
                    describe(ours, c.executions()), theirs == null ? "-" : describe(theirs, c.executions()), fmt(oursRate), theirRate, speedup);
        }
    }

    private static int warmups(Case c) { return c.executions() > 1 ? 200 : 20; }

    private static String describe(double millis, int executions) {
        return executions == 1 ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%.2f µs per execution (%d in %.1f ms)", millis * 1000 / executions, executions, millis);
    }

    private static String fmt(double perSecond) { return String.format(Locale.ROOT, "%,.0f", perSecond); }

    /** Milliseconds for one round of the case's executions. */
    private static double time(AslEngine engine, Case c) {
        long start = System.nanoTime();
        for (int i = 0; i < c.executions(); i++) {
            ExecutionResult r = engine.run(c.definition(), ExecutionRequest.of("bench", c.input()), ExecutionListener.NONE);
            if (!r.succeeded()) throw new IllegalStateException(c.name() + " failed: " + r.error() + " " + r.cause());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** State transitions (state entries) of one execution, counted from its history. */
    private static long transitions(AslEngine engine, Case c) {
        AtomicLong entered = new AtomicLong();
        engine.run(c.definition(), ExecutionRequest.of("count", c.input()), e -> {
            if (e.type().endsWith("StateEntered")) entered.incrementAndGet();
        });
        return entered.get();
    }

    private static StateMachineDefinition load(Path dir, String name) throws IOException {
        return StateMachineDefinition.parse(Files.readString(dir.resolve(name + ".json")));
    }

    private static Map<String, Double> npmResults(Path file) throws IOException {
        Map<String, Double> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("{")) continue;
            JsonNode n = Json.parse(line);
            out.put(n.get("case").asText(), n.get("medianMillis").asDouble());
        }
        return out;
    }

    private AslBench() {}

}
