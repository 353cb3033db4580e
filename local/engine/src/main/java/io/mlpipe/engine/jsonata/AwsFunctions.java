package io.mlpipe.engine.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;
import io.mlpipe.engine.spi.TimeSource;
import com.dashjoin.jsonata.Functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The functions AWS adds to JSONata in Step Functions: $partition, $range, $hash, $random,
 * $uuid, $parse. Bound into every evaluation frame (they need the execution's randomness).
 * $now and $millis are bound here too: the library's own read the timestamp of whichever
 * expression was last compiled on the calling thread (a thread-local), so an expression compiled
 * once and evaluated on pool threads would see a stale time; ours read the engine's clock once
 * per evaluation, as JSONata defines ("all invocations within an evaluation return the same value").
 */
final class AwsFunctions {
    private AwsFunctions() {}

    static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    static void bind(Jsonata.Frame frame, Entropy entropy, TimeSource time) {
        long now = time.millis();
        frame.bind("millis", Jsonata.function("millis", (Jsonata.FnVarArgs<Object>) args -> now, null));
        frame.bind("now", Jsonata.function("now", (Jsonata.FnVarArgs<Object>) args ->
                Functions.dateTimeFromMillis(now, stringArg(args, 0), stringArg(args, 1)), null));
        frame.bind("partition", Jsonata.function("partition", (Jsonata.FnVarArgs<Object>) AwsFunctions::partition, null));
        frame.bind("range", Jsonata.function("range", (Jsonata.FnVarArgs<Object>) AwsFunctions::range, null));
        frame.bind("hash", Jsonata.function("hash", (Jsonata.FnVarArgs<Object>) AwsFunctions::hash, null));
        frame.bind("random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) args -> random(args, entropy), null));
        frame.bind("uuid", Jsonata.function("uuid", (Jsonata.FnVarArgs<Object>) args -> entropy.uuid(), null));
        frame.bind("parse", Jsonata.function("parse", (Jsonata.FnVarArgs<Object>) AwsFunctions::parse, null));
    }

    /** $now(picture, timezone): both optional strings. */
    private static String stringArg(List<?> args, int index) {
        return args.size() > index && args.get(index) instanceof String s ? s : null;
    }

    /** $partition(array, size): "partition an array into chunks of size"; the last one may be smaller. */
    static Object partition(List<?> args) {
        List<?> array = list(args, 0, "$partition");
        int size = integer(args, 1, "$partition");
        if (size <= 0) throw fail("$partition: the chunk size must be positive");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i += size) out.add(new ArrayList<>(array.subList(i, Math.min(array.size(), i + size))));
        return out;
    }

    /** $range(start, end, step): "an array of numbers from start to end (inclusive) by step". */
    static Object range(List<?> args) {
        int start = integer(args, 0, "$range"), end = integer(args, 1, "$range"), step = integer(args, 2, "$range");
        if (step == 0) throw fail("$range: the step must not be 0");
        List<Object> out = new ArrayList<>();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (out.size() >= 1000) throw fail("$range: the result would have more than 1000 items");
            out.add((int) v);
        }
        return out;
    }

    /** $hash(value, algorithm): hex digest; the algorithms of States.Hash. */
    static Object hash(List<?> args) {
        if (args.size() != 2 || !(args.get(0) instanceof String data) || !(args.get(1) instanceof String alg)) {
            throw fail("$hash needs a string and an algorithm name");
        }
        if (!HASH_ALGORITHMS.contains(alg)) throw fail("$hash: the algorithm must be one of " + HASH_ALGORITHMS);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** $random([seed]): "a random number between 0 (inclusive) and 1 (exclusive)"; a seed makes it repeatable. */
    static Object random(List<?> args, Entropy entropy) {
        if (args.isEmpty() || args.get(0) == null) return entropy.nextDouble();
        return new Random(integer(args, 0, "$random")).nextDouble();
    }

    /** $parse(string): "deserialize JSON text". */
    static Object parse(List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String s)) throw fail("$parse needs a string");
        JsonNode node = Json.parseOr(s, ErrorNames.QUERY_EVALUATION_ERROR, "$parse: invalid JSON");
        return JsonataConvert.toJava(node);
    }

    private static List<?> list(List<?> args, int i, String fn) {
        if (args.size() <= i || !(args.get(i) instanceof List<?> l)) throw fail(fn + ": argument " + (i + 1) + " must be an array");
        return l;
    }

    private static int integer(List<?> args, int i, String fn) {
        if (args.size() <= i || !(args.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw fail(fn + ": argument " + (i + 1) + " must be an integer");
        }
        return n.intValue();
    }

    private static StatesError fail(String cause) {
        return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, cause);
    }
}
