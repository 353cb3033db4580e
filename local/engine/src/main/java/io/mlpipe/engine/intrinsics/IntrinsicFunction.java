package io.mlpipe.engine.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.spi.Entropy;

/**
 * One intrinsic function; its arity is data (checked once, when the definition is loaded, and
 * again at run time for arguments that come from paths). Argument-type errors are
 * States.IntrinsicFailure, as on AWS.
 */
public abstract class IntrinsicFunction {
    private final String name;
    private final int minArgs;
    private final int maxArgs;

    /** @param maxArgs -1 for "any number". */
    protected IntrinsicFunction(String name, int minArgs, int maxArgs) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public final String name() { return name; }

    public final int minArgs() { return minArgs; }

    public final int maxArgs() { return maxArgs; }

    /** Null when {@code count} arguments are acceptable, else the message. */
    public final String checkArity(int count) {
        if (count >= minArgs && (maxArgs < 0 || count <= maxArgs)) return null;
        if (minArgs == maxArgs) return "The function " + name + " needs exactly " + minArgs + " argument(s), got " + count;
        if (count < minArgs) return "The function " + name + " needs at least " + minArgs + " argument(s), got " + count;
        return "The function " + name + " accepts at most " + maxArgs + " argument(s), got " + count;
    }

    /** Evaluates the function on already evaluated arguments. */
    public abstract JsonNode apply(JsonNode[] args, Entropy entropy);

    protected final StatesError failure(String message) {
        return new StatesError(ErrorNames.INTRINSIC_FAILURE, "Invalid arguments in " + name + ": " + message);
    }

    protected final String string(JsonNode[] args, int i) {
        if (!args[i].isTextual()) throw failure("argument " + (i + 1) + " must be a string");
        return args[i].textValue();
    }

    protected final JsonNode array(JsonNode[] args, int i) {
        if (!args[i].isArray()) throw failure("argument " + (i + 1) + " must be an array");
        return args[i];
    }

    /** An integral JSON number (AWS accepts 5 and 5.0, not 5.5) within the int range. */
    protected final int integer(JsonNode[] args, int i) {
        JsonNode n = args[i];
        if (!n.isNumber()) throw failure("argument " + (i + 1) + " must be an integer");
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw failure("argument " + (i + 1) + " must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return (int) d;
    }
}
