package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;
import io.mlpipe.engine.runtime.StateRun;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Distributed Map's "ResultWriter". With "WriterConfig" only, the children's results become the
 * Map's output in its {@link Transformation}. With Resource {@code arn:aws:states:::s3:putObject}
 * and Parameters Bucket and Prefix: "Step Functions consolidates all child workflow execution data,
 * such as execution input and output, ARN, and execution status. It then exports executions with
 * the same status to their respective files": {Prefix}/{MapRunId}/SUCCEEDED_0.json and
 * FAILED_0.json (a JSON array of executions; a file only for a status that has executions), then
 * {Prefix}/{MapRunId}/manifest.json ({"DestinationBucket", "MapRunArn", "ResultFiles": {"FAILED",
 * "PENDING", "SUCCEEDED"}}, each a list of {"Key", "Size"}). The Map's result is then
 * {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}} (the manifest's key).
 */
final class ResultWriter {
    /** No ResultWriter: "COMPACT ... Default when ResultWriter is not specified". */
    static final ResultWriter NONE = new ResultWriter(null, null, Transformation.COMPACT);

    private final S3Resource resource;
    private final ItemReader.Arguments arguments;
    private final Transformation transformation;

    /** {@code resource} and {@code arguments} null: no export, the output is the transformed results. */
    ResultWriter(S3Resource resource, ItemReader.Arguments arguments, Transformation transformation) {
        this.resource = resource;
        this.arguments = arguments;
        this.transformation = transformation;
    }

    /** True when the results go to S3 (a service call). */
    boolean exports() { return resource != null; }

    /** The Map's result, after writing the files when the results are exported. */
    JsonNode write(MapRun mapRun, List<MapRun.Child> children, JsonNode input, StateRun run) {
        if (resource == null) return transformation.apply(children);
        JsonNode params = arguments.of(input, run);
        JsonNode bucketNode = params.get("Bucket");
        if (bucketNode == null || !bucketNode.isTextual()) throw new StatesError(ErrorNames.RESULT_WRITER_FAILED, "The ResultWriter needs a Bucket");
        String bucket = bucketNode.textValue();
        String prefix = params.path("Prefix").asText("");
        String dir = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + mapRun.id() + "/";
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRun.arn());
        ObjectNode files = manifest.putObject("ResultFiles");
        files.set("FAILED", file(dir, "FAILED", children, bucket, run));
        files.putArray("PENDING");
        files.set("SUCCEEDED", file(dir, "SUCCEEDED", children, bucket, run));
        String manifestKey = dir + "manifest.json";
        put(bucket, manifestKey, Json.write(manifest), run);
        ObjectNode result = Json.object();
        result.put("MapRunArn", mapRun.arn());
        ObjectNode details = result.putObject("ResultWriterDetails");
        details.put("Bucket", bucket);
        details.put("Key", manifestKey);
        return result;
    }

    /** Writes {status}_0.json when some child ended with {@code status}; returns the manifest's list for it. */
    private ArrayNode file(String dir, String status, List<MapRun.Child> children, String bucket, StateRun run) {
        ArrayNode entries = Json.NODES.arrayNode();
        for (MapRun.Child c : children) if (c.status().equals(status)) entries.add(c.toJson());
        ArrayNode listed = Json.NODES.arrayNode();
        if (entries.isEmpty()) return listed;
        String key = dir + status + "_0.json";
        String body = Json.write(entries);
        put(bucket, key, body, run);
        listed.addObject().put("Key", key).put("Size", body.getBytes(StandardCharsets.UTF_8).length);
        return listed;
    }

    private void put(String bucket, String key, String body, StateRun run) {
        ObjectNode p = Json.object();
        p.put("Bucket", bucket);
        p.put("Key", key);
        p.put("Body", body);
        resource.call(p, run);
    }
}
