package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlpipe.engine.json.Json;

import java.util.List;

/**
 * ResultWriter "WriterConfig": "Transformation": how the children's results become the Map's output.
 * "NONE - returns the output of the child workflow executions unchanged, in addition to the
 * workflow metadata"; "COMPACT - returns the output of the child workflow executions. Default when
 * ResultWriter is not specified"; "FLATTEN - ... if a child workflow execution returns an array,
 * this option flattens the array". "If a child workflow execution fails, Step Functions returns
 * its execution result unchanged" (as with NONE).
 */
enum Transformation {
    NONE, COMPACT, FLATTEN;

    ArrayNode apply(List<MapRun.Child> children) {
        ArrayNode out = Json.NODES.arrayNode(children.size());
        for (MapRun.Child c : children) {
            if (this == NONE || c.output() == null) out.add(c.toJson());
            else if (this == FLATTEN && c.output().isArray()) c.output().forEach(out::add);
            else out.add(c.output());
        }
        return out;
    }

    static Transformation of(String name) {
        for (Transformation t : values()) if (t.name().equals(name)) return t;
        return null;
    }
}
