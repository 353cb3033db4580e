package io.mlpipe.bench.coldstart.crac;

/** Required by org.crac's compatibility layer; a hook's failure. */
public class CheckpointException extends Exception {
    public CheckpointException(Throwable cause) {
        super(cause);
    }
}
