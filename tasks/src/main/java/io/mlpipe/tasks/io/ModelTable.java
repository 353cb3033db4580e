package io.mlpipe.tasks.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the models table (see docs/CONTRACTS.md); items are plain JSON-like maps. */
public interface ModelTable {

    /** The champion pointer item ({@code version = "champion"}), if one was ever set. */
    Optional<Map<String, Object>> champion(String model);

    /** The newest registered versions first (never the champion pointer), at most {@code limit}. */
    List<Map<String, Object>> latestVersions(String model, int limit);
}
