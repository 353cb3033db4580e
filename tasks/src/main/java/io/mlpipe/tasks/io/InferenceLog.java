package io.mlpipe.tasks.io;

import java.util.Map;

/** Writes to the inference log table (schema inference-log-item). */
public interface InferenceLog {
    void record(Map<String, Object> item);
}
