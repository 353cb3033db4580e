package io.mlpipe.sagemaker.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import io.mlpipe.sagemaker.common.AwsTime;
import io.mlpipe.sagemaker.common.ResourceStore;
import io.mlpipe.sagemaker.common.TarGz;
import io.mlpipe.sagemaker.objects.ObjectStore;
import io.mlpipe.sagemaker.objects.S3Uri;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Runs training jobs off the request threads, as SageMaker's stages: Starting, Downloading (channels from S3 to
 * the job's work folder), Training (a child JVM), Uploading ({@code model.tar.gz}), then Completed, Failed or
 * Stopped. Every stage is written to the job's stored description as it happens.
 */
public final class TrainingJobRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrainingJobRunner.class.getName());

    private final ResourceStore jobs;
    private final ObjectStore objects;
    private final Clock clock;
    private final TrainingLogs logs;
    private final TrainingProcess process;
    private final Path workRoot;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sagemaker-training");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Boolean> stopRequests = new ConcurrentHashMap<>();

    public TrainingJobRunner(ResourceStore jobs, ObjectStore objects, Clock clock, TrainingLogs logs,
                             TrainingProcess process, Path workRoot) {
        this.jobs = jobs;
        this.objects = objects;
        this.clock = clock;
        this.logs = logs;
        this.process = process;
        this.workRoot = workRoot;
    }

    public void start(String name) {
        executor.submit(() -> run(name));
    }

    /** Asks a running job to stop; it becomes Stopped once its training process has ended. */
    public void requestStop(String name) {
        stopRequests.put(name, true);
    }

    private void run(String name) {
        try {
            ObjectNode job = jobs.get(name).orElseThrow();
            String image = job.path("AlgorithmSpecification").path("TrainingImage").asText(null);
            log(name, "Starting training job " + name);
            if (!XgboostImages.isXgboost(image)) {
                fail(name, XgboostImages.failureReason(image));
                return;
            }
            if (stopped(name)) {
                return;
            }
            update(name, j -> {
                j.set("TrainingStartTime", AwsTime.epoch(clock.instant()));
                JobStatus.transition(j, "Downloading", "Downloading input data", clock.instant());
                return j;
            });
            long started = System.nanoTime();
            Path work = workRoot.resolve(name);
            Map<String, TrainingSpec.Channel> channels;
            try {
                channels = download(name, job, work.resolve("input"));
            } catch (ClientError e) {
                fail(name, e.failureReason());
                return;
            }
            if (stopped(name)) {
                return;
            }
            update(name, j -> {
                JobStatus.transition(j, "Training", "Training image download completed. Training in progress.",
                        clock.instant());
                return j;
            });
            Map<String, String> hyperParameters = new LinkedHashMap<>();
            job.path("HyperParameters").fields().forEachRemaining(e -> hyperParameters.put(e.getKey(), e.getValue().asText()));
            Path modelFile = work.resolve("model").resolve("xgboost-model");
            Path resultFile = work.resolve("result.json");
            TrainingSpec spec = new TrainingSpec(hyperParameters, channels, modelFile.toString(), resultFile.toString());
            long maxRuntime = job.path("StoppingCondition").path("MaxRuntimeInSeconds").asLong(86400);
            Duration left = Duration.ofSeconds(maxRuntime).minusNanos(System.nanoTime() - started);
            TrainingProcess.Ending ending = process.run(spec, work.resolve("spec.json"), logs.file(name).toFile(),
                    left.isNegative() ? Duration.ZERO : left, () -> stopRequests.containsKey(name));
            switch (ending.outcome()) {
                case STOPPED -> {
                    stopped(name);
                    return;
                }
                case TIMED_OUT -> {
                    log(name, "Training job exceeded MaxRuntimeInSeconds (" + maxRuntime + " s) and was stopped");
                    update(name, j -> {
                        JobStatus.finish(j, "Stopped", "MaxRuntimeExceeded",
                                "Training job stopped: it exceeded the MaxRuntimeInSeconds of " + maxRuntime + " s",
                                clock.instant());
                        return j;
                    });
                    return;
                }
                case EXITED -> { }
            }
            TrainingResult result = Files.exists(resultFile)
                    ? Json.MAPPER.readValue(resultFile.toFile(), TrainingResult.class) : null;
            if (ending.exitCode() != 0 || result == null || result.failureReason() != null) {
                fail(name, result != null && result.failureReason() != null ? result.failureReason()
                        : "AlgorithmError: the training process ended with exit code " + ending.exitCode()
                                + lastLogLine(name) + "; see the job's log");
                return;
            }
            update(name, j -> {
                JobStatus.transition(j, "Uploading", "Uploading generated training model", clock.instant());
                return j;
            });
            S3Uri artifact = S3Uri.parse(job.path("OutputDataConfig").path("S3OutputPath").asText())
                    .resolve(name + "/output/model.tar.gz");
            try {
                upload(modelFile, work.resolve("model.tar.gz"), artifact);
            } catch (IOException e) {
                fail(name, "ClientError: could not upload the model artifact to " + artifact + ": " + e.getMessage());
                return;
            }
            log(name, "Uploaded " + artifact);
            update(name, j -> {
                j.putObject("ModelArtifacts").put("S3ModelArtifacts", artifact.toString());
                ArrayNode metrics = j.putArray("FinalMetricDataList");
                // JSON has no NaN: a metric XGBoost could not compute is left out, as the container's regex skips it
                result.metrics().entrySet().stream().filter(m -> Double.isFinite(m.getValue())).forEach(m -> metrics.addObject()
                        .put("MetricName", m.getKey()).put("Value", m.getValue()).set("Timestamp", AwsTime.epoch(clock.instant())));
                                JobStatus.finish(j, "Completed", "Completed", "Training job completed", clock.instant());
                return j;
            });
            log(name, "Training job completed: " + result.metrics());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "training job " + name + " failed inside the local SageMaker", e);
            fail(name, "InternalServerError: " + e);
        } finally {
            stopRequests.remove(name);
            deleteWorkFolder(name); // the channels' copies can be large; the log and the artifact are kept elsewhere
        }
    }

    private void deleteWorkFolder(String name) {
        Path work = workRoot.resolve(name);
        if (!Files.exists(work)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the work folder of training job " + name, e);
        }
    }

    /** Downloads each S3Prefix channel; the container's default content type is libsvm. */
    private Map<String, TrainingSpec.Channel> download(String name, ObjectNode job, Path inputDir)
            throws IOException, ClientError {
        Map<String, TrainingSpec.Channel> channels = new LinkedHashMap<>();
        for (JsonNode channel : job.path("InputDataConfig")) {
            String channelName = channel.path("ChannelName").asText();
            JsonNode source = channel.path("DataSource").path("S3DataSource");
            if (source.isMissingNode()) {
                throw new ClientError("Channel " + channelName + ": only S3DataSource is supported locally");
            }
            if (!source.path("S3DataType").asText("S3Prefix").equals("S3Prefix")) {
                throw new ClientError("Channel " + channelName + ": S3DataType " + source.path("S3DataType").asText()
                        + " is not supported locally; use S3Prefix");
            }
            S3Uri prefix = S3Uri.parse(source.path("S3Uri").asText());
            List<String> keys;
            try {
                keys = objects.list(prefix.bucket(), prefix.key()).stream().filter(k -> !k.endsWith("/")).toList();
            } catch (FileNotFoundException e) {
                throw new ClientError("Channel " + channelName + ": " + e.getMessage());
            }
            if (keys.isEmpty()) {
                throw new ClientError("Channel " + channelName + ": no objects found under " + prefix);
            }
            Path dir = inputDir.resolve(channelName);
            boolean gzip = channel.path("CompressionType").asText("None").equals("Gzip");
            for (String key : keys) {
                String relative = key.substring(prefix.key().lastIndexOf('/') + 1);
                Path target = dir.resolve(relative.isEmpty() ? "data" : relative).normalize();
                if (!target.startsWith(dir)) {
                    throw new ClientError("Channel " + channelName + ": object key " + key + " leaves the channel's folder");
                }
                Files.createDirectories(target.getParent());
                try (InputStream raw = objects.get(prefix.bucket(), key);
                     InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            log(name, "Downloaded " + keys.size() + " object(s) of channel " + channelName + " from " + prefix);
            channels.put(channelName, new TrainingSpec.Channel(dir.toString(), channel.path("ContentType").asText(null)));
        }
        return channels;
    }

    private void upload(Path modelFile, Path tarFile, S3Uri artifact) throws IOException {
        try (OutputStream out = Files.newOutputStream(tarFile)) {
            TarGz.write(Map.of("xgboost-model", Files.readAllBytes(modelFile)), clock.instant().getEpochSecond(), out);
        }
        objects.put(artifact.bucket(), artifact.key(), tarFile);
    }

    /** The last thing the training process printed, stack frames left out (so: the exception), for the reason. */
    private String lastLogLine(String name) {
        return logs.read(name).flatMap(text -> text.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                        .reduce((a, b) -> b)).map(line -> ": " + line.trim()).orElse("");
    }

    /** Ends the job as Stopped if a stop was requested; true if so. */
    private boolean stopped(String name) {
        if (!stopRequests.containsKey(name)) {
            return false;
        }
        log(name, "Training job stopped on request");
        update(name, j -> {
            JobStatus.finish(j, "Stopped", "Stopped", "Training job stopped", clock.instant());
            return j;
        });
        return true;
    }

    private void fail(String name, String reason) {
        log(name, reason);
        update(name, j -> {
            j.put("FailureReason", reason);
            JobStatus.finish(j, "Failed", "Failed", "Training job failed. " + reason, clock.instant());
            return j;
        });
    }

    private void update(String name, UnaryOperator<ObjectNode> change) {
        jobs.update(name, change);
    }

    private void log(String name, String line) {
        logs.append(name, line);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Marks jobs left running by a previous process as Failed (or Stopped if they were stopping). */
    public void failInterruptedJobs() {
        for (ObjectNode job : jobs.all()) {
            if (!JobStatus.isRunning(job)) {
                continue;
            }
            String name = job.path("TrainingJobName").asText();
            if (job.path("TrainingJobStatus").asText().equals("Stopping")) {
                stopRequests.put(name, true);
                stopped(name);
                stopRequests.remove(name);
            } else {
                fail(name, "InternalServerError: the local SageMaker stopped while this job was running and its "
                        + "training process was lost; create a new training job");
            }
            deleteWorkFolder(name);
        }
    }
}
