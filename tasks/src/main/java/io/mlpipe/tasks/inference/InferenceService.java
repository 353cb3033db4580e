package io.mlpipe.tasks.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.tasks.aws.DryRun;
import io.mlpipe.tasks.features.Feature;
import io.mlpipe.tasks.features.FeatureSpec;
import io.mlpipe.tasks.features.ProblemType;
import io.mlpipe.tasks.io.EndpointInvoker;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointFailedException;
import io.mlpipe.tasks.io.EndpointInvoker.EndpointUnavailableException;
import io.mlpipe.tasks.io.InMemoryModelTable;
import io.mlpipe.tasks.io.InMemoryObjectStore;
import io.mlpipe.tasks.io.InferenceLog;
import io.mlpipe.tasks.io.ModelTable;
import io.mlpipe.tasks.io.ObjectStore;
import io.mlpipe.tasks.lambda.Priming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The inference API (docs/CONTRACTS.md "Inference Lambda"): predictions from the champion's endpoint and the
 * champion's metadata. Bad input is a 400 naming the row and feature; an unknown model 404; a known model
 * without a deployed version 503. Every call is written to the inference log; a failing log write never fails
 * the call.
 */
public final class InferenceService {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceService.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MODEL_NAME = Pattern.compile("^[a-z0-9](-?[a-z0-9]){0,39}$");
    static final int VERSIONS_SHOWN = 10;

    private final ModelTable models;
    private final FeatureSpecCache specs;
    private final EndpointInvoker endpoint;
    private final InferenceLog log;
    private final Clock clock;
    private final Duration logRetention;
    private final Supplier<UUID> ids;

    public InferenceService(ModelTable models, ObjectStore store, EndpointInvoker endpoint, InferenceLog log,
                            Clock clock, Duration logRetention, Supplier<UUID> ids) {
        this.models = models;
        this.specs = new FeatureSpecCache(store);
        this.endpoint = endpoint;
        this.log = log;
        this.clock = clock;
        this.logRetention = logRetention;
        this.ids = ids;
    }

    /** What the inference log records about a call, filled in as the call goes. */
    private static final class Call {
        int rows;
        String version;
    }

    /** POST /models/{model}/predict */
    public ApiResponse predict(String model, String body) {
        Instant start = clock.instant();
        Call call = new Call();
        ApiResponse response;
        try {
            response = predict(model, body, call);
        } catch (BadRequestException e) {
            response = ApiResponse.error(400, e.getMessage());
        } catch (EndpointUnavailableException e) {
            LOG.warn("endpoint unavailable for model {}: {}", model, e.getMessage());
            response = ApiResponse.error(503, "model '" + model + "' cannot answer right now (its endpoint is being"
                    + " created or updated, or is busy); retry later");
        } catch (EndpointFailedException e) {
            LOG.error("endpoint failed for model {}", model, e);
            response = ApiResponse.error(502, "the model endpoint failed: " + e.getMessage());
        }
        record(model, call, response.status(), start);
        return response;
    }

    /** GET /models/{model} */
    public ApiResponse describe(String model) {
        if (!MODEL_NAME.matcher(model).matches()) {
            return unknown(model);
        }
        Optional<Map<String, Object>> champion = models.champion(model);
        List<Map<String, Object>> versions = models.latestVersions(model, VERSIONS_SHOWN);
        if (champion.isEmpty() && versions.isEmpty()) {
            return unknown(model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("champion", champion.orElse(null));
        body.put("versions", versions);
        return ApiResponse.ok(body);
    }

    private ApiResponse predict(String model, String body, Call call) {
        if (!MODEL_NAME.matcher(model).matches()) {
            return unknown(model);
        }
        JsonNode rows = RowEncoder.rows(parse(body));
        call.rows = rows.size();
        Optional<Map<String, Object>> champion = models.champion(model);
        if (champion.isEmpty()) {
            return models.latestVersions(model, 1).isEmpty() ? unknown(model)
                    : ApiResponse.error(503, "model '" + model + "' has no deployed version yet; retry when its"
                    + " pipeline run has deployed one");
        }
        call.version = (String) champion.get().get("championVersion");
        FeatureSpecCache.Entry entry = specs.get((String) champion.get().get("featuresUri"));
        String csv = entry.encoder().encode(rows);
        String answer = endpoint.invoke((String) champion.get().get("endpointName"), "text/csv", csv);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("model", model);
        response.put("version", call.version);
        response.put("predictions", PredictionParser.parse(answer, entry.spec(), rows.size()));
        return ApiResponse.ok(response);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("the request body is empty; send {\"rows\": [{\"<feature>\": value, ...}]}");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
    }

    private static ApiResponse unknown(String model) {
        return ApiResponse.error(404, "unknown model '" + model + "'; models are created by dropping a CSV under incoming/<model>/");
    }

    private void record(String model, Call call, int status, Instant start) {
        if (!MODEL_NAME.matcher(model).matches()) {
            return; // not a model: nothing to key the log on
        }
        try {
            log.record(logItem(model, call, status, start));
        } catch (RuntimeException e) {
            LOG.warn("could not write the inference log for model {}: {}", model, e.toString());
        }
    }

    private Map<String, Object> logItem(String model, Call call, int status, Instant start) {
        Instant end = clock.instant();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("model", model);
        item.put("requestId", start + "#" + ids.get());
        if (call.version != null) {
            item.put("version", call.version);
        }
        item.put("rows", call.rows);
        item.put("latencyMs", Math.max(0, Duration.between(start, end).toMillis()));
        item.put("status", status);
        item.put("expiresAt", end.plus(logRetention).getEpochSecond());
        return item;
    }

    /**
     * SnapStart priming: {@code POST predict} and {@code GET} on a sample model held in memory (request parsing, the
     * feature list's JSON, row encoding, prediction parsing, the log item), then each AWS call this service makes,
     * stopped before it is sent ({@link DryRun}). Reads and writes nothing.
     *
     * @param bucket the data bucket, where champions' feature lists live
     */
    void prime(String bucket) {
        InferenceService sample = sample(clock, logRetention, ids);
        sample.predict(PRIMING, "{\"rows\":[{\"age\":42,\"plan\":\"pro\"},{\"age\":23.5,\"plan\":null}]}");
        sample.describe(PRIMING);

        DryRun.attempt(() -> models.champion(PRIMING));
        DryRun.attempt(() -> models.latestVersions(PRIMING, 1));
        DryRun.attempt(() -> specs.get("s3://" + bucket + "/" + PRIMING_FEATURES));
        DryRun.attempt(() -> endpoint.invoke("mlpipe-" + PRIMING, "text/csv", "42,1\n"));
        DryRun.attempt(() -> {
            log.record(logItem(PRIMING, new Call(), 200, clock.instant()));
            return null;
        });
    }

    private static final String PRIMING = "priming";
    /** Where the sample model's feature list is (model "priming", run "priming"). */
    private static final String PRIMING_FEATURES = "processed/" + PRIMING + "/priming/features.json";

    /** A deployed binary model with everything in memory: its endpoint answers 0.8 per row, its log drops items. */
    private static InferenceService sample(Clock clock, Duration logRetention, Supplier<UUID> ids) {
        FeatureSpec spec = new FeatureSpec(PRIMING, "priming", "target", ProblemType.BINARY_CLASSIFICATION,
                List.of(Feature.numeric("age"), Feature.categorical("plan", List.of("basic", "pro"))), List.of("no", "yes"));
        InMemoryObjectStore store = new InMemoryObjectStore().put(Priming.BUCKET, PRIMING_FEATURES, spec.toJson());
        Map<String, Object> champion = new LinkedHashMap<>();
        champion.put("model", PRIMING);
        champion.put("version", "champion");
        champion.put("championVersion", "000001");
        champion.put("endpointName", "mlpipe-" + PRIMING);
        champion.put("featuresUri", "s3://" + Priming.BUCKET + "/" + PRIMING_FEATURES);
        Map<String, Object> version = new LinkedHashMap<>(champion);
        version.put("version", "000001");
        version.remove("championVersion");
        ModelTable models = new InMemoryModelTable().put(champion).put(version);
        EndpointInvoker endpoint = (name, contentType, csv) -> "0.8\n".repeat((int) csv.lines().count());
        return new InferenceService(models, store, endpoint, item -> { }, clock, logRetention, ids);
    }
}
