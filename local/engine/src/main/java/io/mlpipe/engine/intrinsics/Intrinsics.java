package io.mlpipe.engine.intrinsics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every intrinsic function, by name. */
public final class Intrinsics {
    private Intrinsics() {}

    private static final Map<String, IntrinsicFunction> BY_NAME = List.of(
                    new StatesFormat(), new StatesStringToJson(), new StatesJsonToString(), new StatesArray(),
                    new StatesArrayPartition(), new StatesArrayContains(), new StatesArrayRange(),
                    new StatesArrayGetItem(), new StatesArrayLength(), new StatesArrayUnique(),
                    new StatesBase64Encode(), new StatesBase64Decode(), new StatesHash(), new StatesJsonMerge(),
                    new StatesMathRandom(), new StatesMathAdd(), new StatesStringSplit(), new StatesUuid())
            .stream().collect(Collectors.toUnmodifiableMap(IntrinsicFunction::name, Function.identity()));

    /** The function, or null. */
    public static IntrinsicFunction get(String name) { return BY_NAME.get(name); }
}
