package io.mlpipe.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A scenario class runs once on each {@link Target}: the local twin always, AWS when enabled (skipped
 * with how to enable it otherwise). The test code is the same for both.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Target.class)
abstract class PipelineScenario {
    @Parameter
    Target target;

    PipelineUser user;

    @BeforeEach
    void usePipeline() {
        user = Pipelines.user(target);
    }
}
