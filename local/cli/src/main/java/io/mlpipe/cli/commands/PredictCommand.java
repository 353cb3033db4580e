package io.mlpipe.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.cli.pipeline.Predictions;
import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.protocol.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Ask the REST API for predictions (POST /models/{model}/predict), as any client does.",
                "Example: ./mlpipe predict --model churn --row tenure_months=3,contract=month-to-month,internet=fiber"})
public final class PredictCommand extends PipelineCommand {
    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The model to ask.")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Rows rows;

    static final class Rows {
        @Option(names = "--file", paramLabel = "rows.json", description = "{\"rows\": [{...}, ...]} or a JSON array of rows.")
        Path file;

        @Option(names = "--row", paramLabel = "k=v,k=v", description = "One row (repeat for more); numbers are numbers, empty is missing.")
        List<String> rows;
    }

    @Option(names = "--json", description = "Print the API's answer as it came.")
    boolean json;

    @Override
    int run(Pipeline pipeline) {
        Predictions.Answer answer = Predictions.predict(pipeline, model, request());
        if (!answer.ok()) {
            String hint = switch (answer.status()) {
                case 404 -> ": ./mlpipe models lists the models";
                case 503 -> ": it has no deployed version yet (./mlpipe models " + model + ", ./mlpipe executions --model " + model + ")";
                case 403 -> ": your credentials may not call this API (execute-api:Invoke)";
                default -> "";
            };
            throw new CliException("the API answered " + answer.status() + ": " + answer.message() + hint);
        }
        if (json) {
            out().println(answer.body().toString());
        } else {
            out().println("model " + answer.body().path("model").asText() + " version " + answer.body().path("version").asText());
            int i = 1;
            for (JsonNode prediction : answer.body().path("predictions")) {
                out().println("  row " + i++ + ": " + describe(prediction));
            }
        }
        out().flush();
        return 0;
    }

    /** "yes (p=0.82)" for a classification, the number for a regression. */
    static String describe(JsonNode prediction) {
        if (prediction.has("label")) {
            String label = prediction.get("label").asText();
            JsonNode p = prediction.path("probabilities").path(label);
            return label + (p.isNumber() ? String.format(" (p=%.3f)", p.asDouble()) : "");
        }
        return prediction.asText();
    }

    private ObjectNode request() {
        ObjectNode request = Json.object();
        if (rows.file != null) {
            JsonNode given;
            try {
                given = Json.MAPPER.readTree(rows.file.toFile());
            } catch (IOException e) {
                throw new CliException("cannot read " + rows.file + " as JSON: " + e.getMessage());
            }
            if (given != null && given.isArray()) {
                request.set("rows", given);
            } else if (given != null && given.path("rows").isArray()) {
                request.set("rows", given.get("rows"));
            } else {
                throw new CliException(rows.file + " holds neither {\"rows\": [...]} nor a JSON array of rows");
            }
            return request;
        }
        ArrayNode array = request.putArray("rows");
        for (String row : rows.rows) {
            array.add(row(row));
        }
        return request;
    }

    static ObjectNode row(String text) {
        ObjectNode row = Json.object();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--row " + text + ": expected feature=value pairs separated by commas");
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty()) {
                row.putNull(name);
            } else if (value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                row.put(name, new BigDecimal(value));
            } else {
                row.put(name, value);
            }
        }
        return row;
    }
}
