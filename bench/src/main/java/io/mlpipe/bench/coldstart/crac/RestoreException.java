package io.mlpipe.bench.coldstart.crac;

/** Required by org.crac's compatibility layer. */
public class RestoreException extends Exception {
    public RestoreException(Throwable cause) {
        super(cause);
    }
}
