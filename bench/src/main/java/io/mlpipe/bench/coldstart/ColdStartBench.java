package io.mlpipe.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpipe.bench.BenchContext;
import io.mlpipe.bench.Benchmark;
import io.mlpipe.bench.ChildJvm;
import io.mlpipe.bench.Command;
import io.mlpipe.bench.DeployedTwin;
import io.mlpipe.bench.Format;
import io.mlpipe.bench.Samples;
import io.mlpipe.bench.Table;
import io.mlpipe.bench.coldstart.crac.Core;
import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.twin.lambda.FunctionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Lambda cold start of both functions, each from its own deployment package: a fresh JVM per start with only the
 * package (and {@link LambdaHarness}) on its class path, timed from JVM start to init done, then the first and second
 * request against a local twin where the pipeline has deployed a model. Side by side: with and without
 * SnapStart priming (the CRaC hooks), Lambda's java21 JIT default (C1 only) and the full tiered JIT (which the stack
 * gives preprocess in its JAVA_TOOL_OPTIONS), and one
 * package for both functions (the two packages merged, as the stack deployed before the split).
 */
public final class ColdStartBench implements Benchmark {
    /** The model the benchmark's drop deploys, whose endpoint the inference requests reach. */
    private static final String MODEL = "coldstart";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Lambda java17/java21 runtimes stop tiered compilation at level 1 and use the serial collector. */
    private static final List<String> LAMBDA_JIT = List.of(ChildJvm.LAMBDA_DEFAULT_JIT);
    /** On the command line, so it wins over the JAVA_TOOL_OPTIONS of the function's environment, as LAMBDA_JIT does. */
    private static final List<String> FULL_JIT = List.of("-XX:TieredStopAtLevel=4");
    private static final String LAMBDA_JIT_LABEL = "C1 (Lambda's default)";
    private static final String FULL_JIT_LABEL = "full tiered";

    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public String summary() {
        return "Lambda cold start per function: package size, JVM start to init and first requests, with and without SnapStart priming";
    }

    /** One of the pipeline's functions as the template defines it. */
    private record Function(String name, String handler, Path jar, FunctionConfig config, Map<String, String> env,
                            List<Path> requests) {
    }

    /** One way to start a function: which package, primed or not, which JIT. */
    private record Case(String packageName, Path jar, boolean primed, String jit, List<String> jitOptions) {
        String label() {
            return packageName + ", " + (primed ? "primed" : "not primed") + ", " + jit;
        }
    }

    /** The medians of one case, milliseconds. */
    private static final class Measured {
        final Samples init = new Samples();
        final Samples priming = new Samples();
        final Samples first = new Samples();
        final Samples second = new Samples();
    }

    @Override
    public String run(BenchContext context) throws Exception {
        Path tasks = context.root().resolve("tasks/target");
        Path preprocessJar = requireJar(tasks.resolve("mlpipe-preprocess-lambda.jar"));
        Path inferenceJar = requireJar(tasks.resolve("mlpipe-inference-lambda.jar"));
        Path bothJar = merge(List.of(inferenceJar, preprocessJar), context.scratch().resolve("both-functions.jar"));
        int runs = context.quick() ? 1 : 5;

        List<Function> functions;
        Map<Function, Map<Case, Measured>> results = new LinkedHashMap<>();
        try (DeployedTwin deployed = DeployedTwin.start(context, MODEL, 1000)) {
            LocalTwin twin = deployed.twin;
            String key = deployed.key;
            functions = List.of(
                    function(twin, "preprocess", "io.mlpipe.tasks.preprocess.PreprocessHandler", preprocessJar,
                            preprocessRequests(context, twin.resources().bucket(), key)),
                    function(twin, "inference", "io.mlpipe.tasks.inference.InferenceHandler", inferenceJar,
                            inferenceRequests(context)));
            for (Function function : functions) {
                Map<Case, Measured> cases = new LinkedHashMap<>();
                cases(context.quick(), function.jar(), bothJar).forEach(c -> cases.put(c, new Measured()));
                results.put(function, cases);
            }
            for (int run = 1; run <= runs; run++) {
                // round robin: a busy moment on a shared machine spreads over all cases instead of one
                for (Function function : functions) {
                    for (var entry : results.get(function).entrySet()) {
                        context.say("run %d/%d: %s (%s)", run, runs, function.name(), entry.getKey().label());
                        start(function, entry.getKey(), context, entry.getValue());
                    }
                }
            }
        }
        return report(context, functions, results, preprocessJar, inferenceJar, bothJar, runs);
    }

    private static List<Case> cases(boolean quick, Path own, Path both) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("own package", own, false, LAMBDA_JIT_LABEL, LAMBDA_JIT));
        cases.add(new Case("own package", own, true, LAMBDA_JIT_LABEL, LAMBDA_JIT));
        if (!quick) {
            cases.add(new Case("own package", own, false, FULL_JIT_LABEL, FULL_JIT));
            cases.add(new Case("own package", own, true, FULL_JIT_LABEL, FULL_JIT));
            cases.add(new Case("both functions' package", both, false, LAMBDA_JIT_LABEL, LAMBDA_JIT));
            cases.add(new Case("both functions' package", both, true, LAMBDA_JIT_LABEL, LAMBDA_JIT));
        }
        return cases;
    }

    /** One cold start in a fresh JVM; checks both answers are what the function gives on success. */
    private static void start(Function function, Case c, BenchContext context, Measured into) throws Exception {
        List<String> options = new ArrayList<>(List.of(
                "-XX:MaxRAM=" + function.config().memoryMb() + "m", "-XX:+UseSerialGC",
                "-Dorg.crac.Core.Compat=" + Core.class.getPackageName()));
        options.addAll(c.jitOptions());
        Command.Result result = ChildJvm.of(LambdaHarness.class)
                .classpath(c.jar() + java.io.File.pathSeparator + harnessClasses())
                .jvmOptions(options.toArray(String[]::new))
                .environment(function.env())
                .arguments(function.handler(), c.primed() ? "primed" : "plain",
                        function.requests().get(0).toString(), function.requests().get(1).toString())
                .timeoutSeconds(180).run().orThrow();
        JsonNode timings = result.stdout().lines().filter(line -> line.startsWith(LambdaHarness.RESULT))
                .map(line -> read(line.substring(LambdaHarness.RESULT.length()))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the harness printed no result:\n" + result.stdout() + result.stderr()));
        for (String answer : List.of(timings.path("firstAnswer").asText(), timings.path("secondAnswer").asText())) {
            checkAnswer(function.name(), answer);
        }
        into.init.add(timings.path("jvmToInit").asLong());
        into.priming.add(timings.path("priming").asLong());
        into.first.add(timings.path("first").asLong());
        into.second.add(timings.path("second").asLong());
    }

    private static void checkAnswer(String function, String answer) {
        JsonNode json = read(answer);
        boolean ok = function.equals("preprocess") ? json.hasNonNull("trainingJobName")
                : json.path("statusCode").asInt() == 200 && read(json.path("body").asText()).path("predictions").size() == 2;
        if (!ok) {
            throw new IllegalStateException(function + " did not answer as on success: " + answer
                    + " — its log is in the output above; the twin's data is in bench/target/scratch/coldstart/twin");
        }
    }

    private static Function function(LocalTwin twin, String shortName, String handlerClass, Path jar, List<Path> requests) {
        String name = twin.resources().functions().get(shortName);
        FunctionConfig config = twin.twin().lambdas().functions().get(name);
        if (config == null || !config.className().equals(handlerClass)) {
            throw new IllegalStateException("the template has no function " + shortName + " with handler " + handlerClass
                    + ": rebuild the template (mvn -pl workflow -am package)");
        }
        // what Lambda gives the function (its variables, region, credentials), with AWS_ENDPOINT_URL = the twin
        return new Function(shortName, handlerClass, jar, config, twin.twin().lambdas().environment(config), requests);
    }

    /** Two preprocess runs of the dropped CSV (different run ids: each writes its own training files). */
    private static List<Path> preprocessRequests(BenchContext context, String bucket, String key) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Map<String, Object> input = Map.of("bucket", bucket, "key", key, "model", MODEL, "runId", "coldstart-" + i);
            files.add(write(context.scratch().resolve("preprocess-" + i + ".json"), JSON.writeValueAsString(input)));
        }
        return files;
    }

    /** Two API Gateway proxy events predicting two customers each, as the REST API sends them. */
    private static List<Path> inferenceRequests(BenchContext context) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String body = "{\"rows\":[{\"tenure_months\":" + (2 + i) + ",\"monthly_charges\":95.5,\"contract\":\"month-to-month\","
                    + "\"internet\":\"fiber\",\"support_calls\":5,\"paperless_billing\":\"yes\"},{\"tenure_months\":60,"
                    + "\"monthly_charges\":25.0,\"contract\":\"two-year\",\"internet\":\"none\",\"support_calls\":0,"
                    + "\"paperless_billing\":\"no\"}]}";
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("resource", "/models/{model}/predict");
            event.put("path", "/models/" + MODEL + "/predict");
            event.put("httpMethod", "POST");
            event.put("headers", Map.of("Content-Type", "application/json"));
            event.put("pathParameters", Map.of("model", MODEL));
            event.put("body", body);
            event.put("isBase64Encoded", false);
            files.add(write(context.scratch().resolve("inference-" + i + ".json"), JSON.writeValueAsString(event)));
        }
        return files;
    }

    private String report(BenchContext context, List<Function> functions, Map<Function, Map<Case, Measured>> results,
                                 Path preprocessJar, Path inferenceJar, Path bothJar, int runs) throws IOException {
        long both = Files.size(bothJar);
        Table sizes = new Table("package", "size", "bytes", "vs one package for both");
        sizes.row("preprocess (`tasks/target/mlpipe-preprocess-lambda.jar`)", Format.bytes(Files.size(preprocessJar)),
                Format.number(Files.size(preprocessJar)), Format.ratio(Files.size(preprocessJar), both));
        sizes.row("inference (`tasks/target/mlpipe-inference-lambda.jar`)", Format.bytes(Files.size(inferenceJar)),
                Format.number(Files.size(inferenceJar)), Format.ratio(Files.size(inferenceJar), both));
        sizes.row("both functions in one package (the two merged)", Format.bytes(both), Format.number(both), "1.00x");

        StringBuilder out = new StringBuilder();
        out.append("""
                ## Lambda cold start

                Each function's cold start from its own deployment package: a fresh JVM per start with only that jar and a
                small harness on the class path, doing what Lambda's Java runtime does (load and construct the handler,
                which reads its environment and builds its SDK clients; then requests, JSON in and out). The requests go
                to a local twin where the pipeline has deployed a model: preprocess reads a 1,000-row CSV from S3 and
                writes its training files, inference predicts two rows through DynamoDB, S3, the SageMaker endpoint and
                the inference log. "Primed" runs the CRaC `beforeCheckpoint` hooks after init, as SnapStart does before
                its snapshot (the handlers' priming and Powertools' class preloading): with SnapStart, init and priming
                are paid once when a version is published, and a restored function's first answer costs the restore
                plus the primed "1st request". Medians of %d run(s), milliseconds; each JVM gets `-XX:MaxRAM` = the
                function's memory in the template and the serial collector, as Lambda's java21 runtime, which also stops
                the JIT at C1 unless the function's `JAVA_TOOL_OPTIONS` say otherwise ("%s"); "%s" is the
                JVM's default JIT, which the stack gives preprocess (its core is CPU-bound over the whole CSV: see the
                preprocess section). Each function's heading says which it is deployed with. Not measured here:
                Lambda's own runtime start, code download and snapshot restore.

                """.formatted(runs, LAMBDA_JIT_LABEL, FULL_JIT_LABEL));
        out.append(sizes).append('\n');
        for (Function function : functions) {
            String deployed = function.env().getOrDefault("JAVA_TOOL_OPTIONS", "").contains("TieredStopAtLevel=4")
                    ? FULL_JIT_LABEL + ", from its JAVA_TOOL_OPTIONS" : LAMBDA_JIT_LABEL;
            out.append("**").append(function.name()).append("** (`").append(function.handler()).append("`, ")
                    .append(function.config().memoryMb()).append(" MB; deployed with the JIT ").append(deployed).append(")\n\n");
            Map<Case, Measured> cases = results.get(function);
            Measured plain = cases.values().iterator().next();
            Table table = new Table("package, priming, JIT", "JVM start → init done", "priming", "1st request",
                    "2nd request", "JVM start → 1st answer", "1st request vs not primed");
            cases.forEach((c, m) -> table.row(c.label(), ms(m.init), c.primed() ? ms(m.priming) : "–", ms(m.first),
                    ms(m.second), String.valueOf(Math.round(m.init.median() + m.priming.median() + m.first.median())),
                    Format.ratio(m.first.median(), plain.first.median())));
            out.append(table).append('\n');
        }
        out.append(context.reproduce()).append('\n');
        return out.toString();
    }

    private static String ms(Samples samples) {
        return String.valueOf(Math.round(samples.median()));
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no deployment package " + jar + ": build it with mvn -pl tasks -am package -DskipTests");
        }
        return jar;
    }

    /** Where this class was loaded from (target/classes): the harness and its CRaC stand-in, nothing of the packages. */
    private static String harnessClasses() {
        try {
            return Path.of(LambdaHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars' entries in one jar, the first jar's copy where both have one (the inference package has every client). */
    static Path merge(List<Path> jars, Path target) throws IOException {
        Set<String> written = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : zip.stream().toList()) {
                        if (written.add(entry.getName())) {
                            out.putNextEntry(new ZipEntry(entry.getName()));
                            try (InputStream in = zip.getInputStream(entry)) {
                                in.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return target;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
