package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.JsonPath;
import io.mlpipe.engine.json.Scope;

/** A parsed intrinsic call, e.g. States.Format('{}', $.a); its arguments are literals, paths or nested calls. */
public sealed interface IntrinsicExpression {

    JsonNode evaluate(JsonNode input, Scope scope);

    static IntrinsicExpression parse(String text) { return new IntrinsicParser(text).parse(); }

    /** True when the text looks like an intrinsic call rather than a path. */
    static boolean looksLikeCall(String text) { return text.startsWith("States."); }

    record Literal(JsonNode value) implements IntrinsicExpression {
        public JsonNode evaluate(JsonNode input, Scope scope) { return value; }
    }

    record PathArgument(JsonPath path) implements IntrinsicExpression {
        public JsonNode evaluate(JsonNode input, Scope scope) {
            JsonNode v = path.read(input, scope);
            if (v == null) {
                throw new StatesError(ErrorNames.RUNTIME,
                        "The JsonPath argument " + path.text() + " of an intrinsic function could not be found in the input");
            }
            return v;
        }
    }

    record Call(IntrinsicFunction function, IntrinsicExpression[] args) implements IntrinsicExpression {
        public JsonNode evaluate(JsonNode input, Scope scope) {
            JsonNode[] values = new JsonNode[args.length];
            for (int i = 0; i < args.length; i++) values[i] = args[i].evaluate(input, scope);
            return function.apply(values, scope.entropy());
        }
    }
}
