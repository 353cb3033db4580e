package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.json.PayloadTemplate;
import io.mlpipe.engine.jsonata.JsonataScope;
import io.mlpipe.engine.jsonata.JsonataTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the fields only a DISTRIBUTED Map has (ProcessorConfig, ItemReader, ItemBatcher, ResultWriter, Label). */
final class DistributedMapParser {
    /** Fields an INLINE Map refuses. */
    static final List<String> DISTRIBUTED_ONLY = List.of("ItemReader", "ItemBatcher", "ResultWriter", "Label");

    /** "Label ... up to 40 characters ... can't contain whitespace, brackets, wildcards, special characters or control characters". */
    static final Pattern LABEL = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,40}");

    /** ReaderConfig CSVDelimiter: "COMMA (default), PIPE, SEMICOLON, SPACE, TAB". */
    static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "PIPE", '|', "SEMICOLON", ';', "SPACE", ' ', "TAB", '\t');

    /** "MaxInputBytesPerBatch ... up to 256 KiB". */
    static final double MAX_BATCH_BYTES = 262_144;

    private final StateParser parser;
    private final JsonNode node;
    private final String at;
    private final boolean jsonata;

    DistributedMapParser(StateParser parser, JsonNode node, String at, boolean jsonata) {
        this.parser = parser;
        this.node = node;
        this.at = at;
        this.jsonata = jsonata;
    }

    /** ProcessorConfig: "Mode" INLINE (default) or DISTRIBUTED; a DISTRIBUTED one needs "ExecutionType" STANDARD or EXPRESS. */
    static boolean isDistributed(JsonNode config, String at, StateParser parser) {
        if (config == null) return false;
        if (!config.isObject()) {
            parser.problem(StateParser.SCHEMA, "The field 'ProcessorConfig' must be an object", at);
            return false;
        }
        parser.unknownFields(config, at, Set.of("Mode", "ExecutionType"));
        String mode = config.path("Mode").asText("INLINE");
        if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
            parser.problem(StateParser.SCHEMA, "The field 'Mode' must be INLINE or DISTRIBUTED", at + "/Mode");
            return false;
        }
        JsonNode type = config.get("ExecutionType");
        if (mode.equals("INLINE")) {
            if (type != null) parser.problem(StateParser.SCHEMA, "The field 'ExecutionType' is supported only when Mode is DISTRIBUTED", at + "/ExecutionType");
            return false;
        }
        if (type == null || !(type.asText().equals("STANDARD") || type.asText().equals("EXPRESS"))) {
            parser.problem(StateParser.SCHEMA, "A DISTRIBUTED Map must have an 'ExecutionType' of STANDARD or EXPRESS", at + "/ExecutionType");
        }
        return true;
    }

    State state(AbstractState.Common common, MapState.Items items, MapState.ItemSelector selector, StateGraph processor,
                MapState.Number maxConcurrency, MapState.Number toleratedCount, MapState.Number toleratedPercentage, JsonNode processorConfig) {
        ItemReader reader = reader();
        if (reader != null && (node.has("ItemsPath") || node.has("Items"))) {
            parser.problem(StateParser.SCHEMA, "A Map state with an 'ItemReader' cannot have '" + (node.has("Items") ? "Items" : "ItemsPath") + "'", at);
        }
        String label = null;
        JsonNode l = node.get("Label");
        if (l != null) {
            if (!l.isTextual() || !LABEL.matcher(l.textValue()).matches()) {
                parser.problem(StateParser.SCHEMA, "The field 'Label' must be 1 to 40 characters without whitespace or the characters < > { } [ ] ? * \" # % \\ ^ | ~ ` $ & , ; : /", at + "/Label");
            } else {
                label = l.textValue();
            }
        }
        boolean express = processorConfig.path("ExecutionType").asText().equals("EXPRESS");
        JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        if (express) expressPatterns(processorNode, at + "/ItemProcessor");
        return new DistributedMapState(common, new DistributedMapState.Fields(items, reader, selector, batcher(), processor,
                maxConcurrency, toleratedCount, toleratedPercentage, label, express, writer()));
    }

    /** "Express workflows don't support the Run a Job (.sync) or Wait for Callback (.waitForTaskToken) patterns." */
    private void expressPatterns(JsonNode graph, String at) {
        JsonNode states = graph == null ? null : graph.get("States");
        if (states == null || !states.isObject()) return;
        states.fields().forEachRemaining(e -> {
            String stateAt = at + "/States/" + e.getKey();
            String resource = e.getValue().path("Resource").asText("");
            if (resource.endsWith(".sync") || resource.contains(".sync:") || resource.endsWith(".waitForTaskToken")) {
                parser.problem(StateParser.SCHEMA, "An EXPRESS child workflow does not support the .sync or .waitForTaskToken patterns: " + resource, stateAt + "/Resource");
            }
            for (JsonNode branch : e.getValue().path("Branches")) expressPatterns(branch, stateAt + "/Branches");
            JsonNode inner = e.getValue().has("ItemProcessor") ? e.getValue().get("ItemProcessor") : e.getValue().get("Iterator");
            if (inner != null) expressPatterns(inner, stateAt + "/ItemProcessor");
        });
    }

    private ItemReader reader() {
        JsonNode r = node.get("ItemReader");
        if (r == null) return null;
        String rAt = at + "/ItemReader";
        if (!r.isObject()) {
            parser.problem(StateParser.SCHEMA, "The field 'ItemReader' must be an object", rAt);
            return null;
        }
        parser.unknownFields(r, rAt, Set.of("Resource", "ReaderConfig", argumentsField()));
        S3Resource resource = S3Resource.parse(r.path("Resource").asText(null), ErrorNames.ITEM_READER_FAILED, Set.of("getObject", "listObjectsV2"));
        if (resource == null) {
            parser.problem(StateParser.SCHEMA, "The ItemReader's 'Resource' must be arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2", rAt + "/Resource");
            return null;
        }
        JsonNode config = r.path("ReaderConfig");
        String cAt = rAt + "/ReaderConfig";
        if (!config.isMissingNode() && !config.isObject()) parser.problem(StateParser.SCHEMA, "The field 'ReaderConfig' must be an object", cAt);
        parser.unknownFields(config.isObject() ? config : parser.emptyObject(), cAt, jsonata
                ? Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems")
                : Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath"));
        String inputType = config.path("InputType").asText(null);
        if (resource.action().equals("getObject")) {
            if (inputType == null || !Set.of("CSV", "JSON", "JSONL").contains(inputType)) {
                parser.problem(StateParser.SCHEMA, "An s3:getObject ItemReader needs a ReaderConfig 'InputType' of CSV, JSON or JSONL", cAt + "/InputType");
            }
        } else if (inputType != null) {
            parser.problem(StateParser.SCHEMA, "An s3:listObjectsV2 ItemReader takes no 'InputType'", cAt + "/InputType");
        }
        List<String> headers = csvHeaders(config, "CSV".equals(inputType), cAt);
        char delimiter = ',';
        if (config.has("CSVDelimiter")) {
            Character d = DELIMITERS.get(config.get("CSVDelimiter").asText());
            if (d == null || !"CSV".equals(inputType)) {
                parser.problem(StateParser.SCHEMA, "The field 'CSVDelimiter' must be COMMA, PIPE, SEMICOLON, SPACE or TAB, with InputType CSV", cAt + "/CSVDelimiter");
            } else {
                delimiter = d;
            }
        }
        MapState.Number maxItems = parser.mapNumber(config.isObject() ? config : parser.emptyObject(), "MaxItems", cAt, jsonata, 100_000_000);
        return new ItemReader(resource, arguments(r.get(argumentsField()), rAt + "/" + argumentsField()),
                new ItemReader.Config(inputType == null ? "" : inputType, delimiter, headers, maxItems));
    }

    /** CSVHeaderLocation FIRST_ROW (default: null headers) or GIVEN with "CSVHeaders", an array of strings. */
    private List<String> csvHeaders(JsonNode config, boolean csv, String at) {
        String location = config.path("CSVHeaderLocation").asText("FIRST_ROW");
        JsonNode given = config.get("CSVHeaders");
        if (!csv && (config.has("CSVHeaderLocation") || given != null)) {
            parser.problem(StateParser.SCHEMA, "CSVHeaderLocation and CSVHeaders are supported only with InputType CSV", at);
            return null;
        }
        if (!location.equals("FIRST_ROW") && !location.equals("GIVEN")) {
            parser.problem(StateParser.SCHEMA, "The field 'CSVHeaderLocation' must be FIRST_ROW or GIVEN", at + "/CSVHeaderLocation");
            return null;
        }
        if (location.equals("FIRST_ROW")) {
            if (given != null) parser.problem(StateParser.SCHEMA, "The field 'CSVHeaders' is supported only when CSVHeaderLocation is GIVEN", at + "/CSVHeaders");
            return null;
        }
        List<String> headers = new ArrayList<>();
        if (given == null || !given.isArray() || given.isEmpty()) {
            parser.problem(StateParser.SCHEMA, "CSVHeaderLocation GIVEN needs 'CSVHeaders', a non-empty array of strings", at + "/CSVHeaders");
            return headers;
        }
        for (JsonNode h : given) {
            if (!h.isTextual()) parser.problem(StateParser.SCHEMA, "'CSVHeaders' must hold strings", at + "/CSVHeaders");
            headers.add(h.asText());
        }
        return List.copyOf(headers);
    }

    /** "ItemBatcher": MaxItemsPerBatch(Path), MaxInputBytesPerBatch(Path) (at least one), BatchInput. */
    private ItemBatcher batcher() {
        JsonNode b = node.get("ItemBatcher");
        if (b == null) return null;
        String bAt = at + "/ItemBatcher";
        if (!b.isObject()) {
            parser.problem(StateParser.SCHEMA, "The field 'ItemBatcher' must be an object", bAt);
            return null;
        }
        Set<String> allowed = jsonata ? Set.of("MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput")
                : Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput");
        parser.unknownFields(b, bAt, allowed);
        if (!(b.has("MaxItemsPerBatch") || b.has("MaxItemsPerBatchPath") || b.has("MaxInputBytesPerBatch") || b.has("MaxInputBytesPerBatchPath"))) {
            parser.problem(StateParser.SCHEMA, "An ItemBatcher must have MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms)", bAt);
        }
        return new ItemBatcher(parser.mapNumber(b, "MaxItemsPerBatch", bAt, jsonata, Double.MAX_VALUE),
                parser.mapNumber(b, "MaxInputBytesPerBatch", bAt, jsonata, MAX_BATCH_BYTES),
                arguments(b.get("BatchInput"), bAt + "/BatchInput"));
    }

    /**
     * "ResultWriter": "WriterConfig" (Transformation NONE | COMPACT | FLATTEN, OutputType JSON | JSONL)
     * and/or Resource arn:aws:states:::s3:putObject with Parameters (Arguments) Bucket and Prefix;
     * "the ResultWriter field cannot be empty". This engine formats results as JSON and exports
     * them with Transformation NONE (the export default); other combinations are refused.
     */
    private ResultWriter writer() {
        JsonNode w = node.get("ResultWriter");
        if (w == null) return null;
        String wAt = at + "/ResultWriter";
        if (!w.isObject()) {
            parser.problem(StateParser.SCHEMA, "The field 'ResultWriter' must be an object", wAt);
            return null;
        }
        parser.unknownFields(w, wAt, Set.of("Resource", argumentsField(), "WriterConfig"));
        JsonNode config = w.path("WriterConfig");
        if (!config.isMissingNode()) parser.unknownFields(config, wAt + "/WriterConfig", Set.of("Transformation", "OutputType"));
        boolean exports = w.has("Resource") || w.has(argumentsField());
        Transformation transformation = Transformation.of(config.path("Transformation").asText(exports ? "NONE" : "COMPACT"));
        String outputType = config.path("OutputType").asText("JSON");
        if (transformation == null) parser.problem(StateParser.SCHEMA, "The field 'Transformation' must be NONE, COMPACT or FLATTEN", wAt + "/WriterConfig/Transformation");
        if (!outputType.equals("JSON") && !outputType.equals("JSONL")) parser.problem(StateParser.SCHEMA, "The field 'OutputType' must be JSON or JSONL", wAt + "/WriterConfig/OutputType");
        if (outputType.equals("JSONL")) parser.problem(StateParser.SCHEMA, "This engine formats Map Run results only as OutputType JSON", wAt + "/WriterConfig/OutputType");
        if (!exports) {
            if (config.isMissingNode()) parser.problem(StateParser.SCHEMA, "The ResultWriter field cannot be empty: give WriterConfig, or Resource and " + argumentsField(), wAt);
            return new ResultWriter(null, null, transformation == null ? Transformation.COMPACT : transformation);
        }
        if (transformation != null && transformation != Transformation.NONE) {
            parser.problem(StateParser.SCHEMA, "This engine exports Map Run results to S3 only with Transformation NONE", wAt + "/WriterConfig/Transformation");
        }
        S3Resource resource = S3Resource.parse(w.path("Resource").asText(null), ErrorNames.RESULT_WRITER_FAILED, Set.of("putObject"));
        if (resource == null) {
            parser.problem(StateParser.SCHEMA, "The ResultWriter's 'Resource' must be arn:aws:states:::s3:putObject", wAt + "/Resource");
            return null;
        }
        ItemReader.Arguments args = arguments(w.get(argumentsField()), wAt + "/" + argumentsField());
        if (args == null) {
            parser.problem(StateParser.SCHEMA, "The ResultWriter needs '" + argumentsField() + "' with the Bucket (and Prefix)", wAt);
            return null;
        }
        return new ResultWriter(resource, args, Transformation.NONE);
    }

    /** "Parameters" in JSONPath states, "Arguments" in JSONata states. */
    private String argumentsField() { return jsonata ? "Arguments" : "Parameters"; }

    /** A payload evaluated on the Map's input: a JSONPath payload template or a JSONata template; null when absent. */
    private ItemReader.Arguments arguments(JsonNode value, String at) {
        if (value == null) return null;
        if (jsonata) {
            JsonataTemplate t = parser.jsonataTemplate(value, at);
            return t == null ? null : (input, run) -> t.evaluate(new JsonataScope(input, null, null, run));
        }
        PayloadTemplate t = parser.template(value, at);
        return t == null ? null : t::evaluate;
    }
}
