package io.mlpipe.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag AwsSolutions: zero unsuppressed errors and warnings. */
class CdkNagTest {

    private static String describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + ": " + m.getEntry().getData())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void noUnsuppressedErrors() {
        var stack = SynthesizedStack.get().stack;
        List<SynthesisMessage> errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), errors, () -> describe(errors));
    }

    @Test
    void noUnsuppressedWarnings() {
        var stack = SynthesizedStack.get().stack;
        List<SynthesisMessage> warnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), warnings, () -> describe(warnings));
    }
}
