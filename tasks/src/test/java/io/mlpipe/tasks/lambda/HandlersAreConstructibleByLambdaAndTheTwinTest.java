package io.mlpipe.tasks.lambda;

import io.mlpipe.tasks.inference.InferenceHandler;
import io.mlpipe.tasks.preprocess.PreprocessHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Modifier;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda needs a public no-argument constructor; the twin a public one taking the function's environment. */
class HandlersAreConstructibleByLambdaAndTheTwinTest {

    @ParameterizedTest
    @ValueSource(classes = {PreprocessHandler.class, InferenceHandler.class})
    void hasBothPublicConstructors(Class<?> handler) throws Exception {
        assertTrue(Modifier.isPublic(handler.getModifiers()));
        assertTrue(Modifier.isPublic(handler.getConstructor().getModifiers()));
        assertTrue(Modifier.isPublic(handler.getConstructor(Map.class).getModifiers()));
    }
}
