package io.mlpipe.tasks.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models table as a list of items: the handlers prime on it (SnapStart), the tests use it instead of DynamoDB. */
public final class InMemoryModelTable implements ModelTable {
    private final List<Map<String, Object>> items = new ArrayList<>();

    public InMemoryModelTable put(Map<String, Object> item) {
        items.add(item);
        return this;
    }

    @Override
    public Optional<Map<String, Object>> champion(String model) {
        return items.stream().filter(i -> model.equals(i.get("model")) && "champion".equals(i.get("version"))).findFirst();
    }

    @Override
    public List<Map<String, Object>> latestVersions(String model, int limit) {
        return items.stream().filter(i -> model.equals(i.get("model")) && !"champion".equals(i.get("version")))
                .sorted(Comparator.comparing((Map<String, Object> i) -> (String) i.get("version")).reversed())
                .limit(limit).toList();
    }
}
