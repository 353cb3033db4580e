package io.mlpipe.twin.spi;

/**
 * A service built outside this module (Step Functions, SageMaker) that joins the twin: started once the
 * twin's own services run and before the template is loaded, it registers its edge routes, health and,
 * for Step Functions, the state machine seams through the {@link TwinContext}.
 */
public interface TwinPlugin extends AutoCloseable {
    String name();

    void start(TwinContext context) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
