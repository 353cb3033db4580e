package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.spi.Entropy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** States.Hash(data, algorithm): "calculate the hash value of a given input ... MD5, SHA-1, SHA-256, SHA-384, SHA-512 ... up to 10,000 characters". */
final class StatesHash extends IntrinsicFunction {
    static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    StatesHash() { super("States.Hash", 2, 2); }

    @Override
    public JsonNode apply(JsonNode[] args, Entropy entropy) {
        if (args[0].isNull()) throw failure("the data must not be null");
        String data = args[0].isTextual() ? args[0].textValue() : Json.write(args[0]);
        if (data.length() > 10_000) throw failure("the input is longer than 10000 characters");
        String algorithm = string(args, 1);
        if (!ALGORITHMS.contains(algorithm)) throw failure("the hash algorithm must be one of " + ALGORITHMS);
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
