package io.mlpipe.twin.spi;

/**
 * A state machine of the template, as the loader hands it to the Step Functions service: the
 * definition is the final JSON text, every intrinsic ({@code Fn::Join}, {@code Ref}, ...) resolved to
 * local names and ARNs.
 *
 * @param type {@code STANDARD} or {@code EXPRESS}
 * @param loggingConfiguration the template's LoggingConfiguration as JSON text, or null
 */
public record StateMachineDefinition(String name, String arn, String definition, String roleArn, String type,
                                     String loggingConfiguration) {
}
