package io.mlpipe.bench;

import io.mlpipe.cli.connection.Pipeline;
import io.mlpipe.cli.connection.Target;
import io.mlpipe.cli.local.LocalTwin;
import io.mlpipe.cli.local.TwinOptions;
import io.mlpipe.cli.pipeline.Executions;
import io.mlpipe.cli.pipeline.Followed;
import io.mlpipe.cli.pipeline.SampleData;
import io.mlpipe.cli.pipeline.Uploads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A fresh in-process twin on a free loopback port (its data under the benchmark's scratch folder) where the pipeline
 * has trained and deployed a model from one {@link SampleData} churn drop, as it does for users: what the benchmarks
 * that call a deployed model start from. Fresh each time, so the gate has no earlier champion to compare with.
 */
public final class DeployedTwin implements AutoCloseable {
    public final LocalTwin twin;
    public final Pipeline pipeline;
    public final String model;
    /** The dropped CSV's key in the data bucket. */
    public final String key;

    private DeployedTwin(LocalTwin twin, Pipeline pipeline, String model, String key) {
        this.twin = twin;
        this.pipeline = pipeline;
        this.model = model;
        this.key = key;
    }

    public static DeployedTwin start(BenchContext context, String model, int rows) throws IOException {
        Path data = context.freshFolder("twin");
        TwinOptions options = new TwinOptions();
        options.port = 0;
        options.dataDirectory = data;
        options.template = context.template();
        PrintWriter progress = new PrintWriter(context.progress(), true);
        context.say("starting a twin (data in %s)", data);
        LocalTwin twin = LocalTwin.start(options, progress);
        Pipeline pipeline = null;
        try {
            pipeline = new Target().useTwin(twin.endpoint()).connect();
            context.say("dropping %d customers under incoming/%s/ and following the execution to its deploy", rows, model);
            Set<String> before = Executions.arns(pipeline);
            String key = Uploads.put(pipeline, model, "customers.csv", SampleData.churn(rows, 42));
            String arn = Executions.awaitStartedFor(pipeline, key, before, Duration.ofSeconds(30));
            Followed followed = Followed.follow(pipeline, arn, progress, Duration.ofMinutes(5));
            if (!"DEPLOYED".equals(followed.decision())) {
                throw new IllegalStateException("the benchmark's drop was not deployed: " + followed.summary()
                        + " (the twin's data is in " + data + ")");
            }
            return new DeployedTwin(twin, pipeline, model, key);
        } catch (RuntimeException e) {
            if (pipeline != null) {
                pipeline.close();
            }
            twin.close();
            throw e;
        }
    }

    @Override
    public void close() {
        pipeline.close();
        twin.close();
    }
}
