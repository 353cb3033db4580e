package io.mlpipe.sagemaker.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.protocol.Json;
import io.mlpipe.sagemaker.common.AwsTime;
import io.mlpipe.sagemaker.common.ResourceStore;
import io.mlpipe.sagemaker.objects.ObjectStore;
import io.mlpipe.sagemaker.objects.S3Uri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs training jobs off the request threads, through SageMaker's stages: Starting, Downloading (channels into
 * the job's work folder), Training (a child JVM), Uploading ({@code model.tar.gz}), then Completed, Failed or
 * Stopped. Each stage is written to the job's stored description as it happens.
 */
public final class TrainingJobRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrainingJobRunner.class.getName());

    private final ResourceStore jobs;
    private final Clock clock;
    private final TrainingLogs logs;
    private final TrainingProcess process;
    private final JobFiles files;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sagemaker-training");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Boolean> stopRequests = new ConcurrentHashMap<>();
    static final String RESTARTED = "Restarted after the local SageMaker stopped";

    public TrainingJobRunner(ResourceStore jobs, ObjectStore objects, Clock clock, TrainingLogs logs,
                             TrainingProcess process, Path workRoot) {
        this.jobs = jobs;
        this.clock = clock;
        this.logs = logs;
        this.process = process;
        this.files = new JobFiles(objects, workRoot);
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
            runStages(name, jobs.get(name).orElseThrow());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the twin is closing: the next start runs the job again
        } catch (Exception e) {
            LOG.log(Level.WARNING, "training job " + name + " failed inside the local SageMaker", e);
            fail(name, "InternalServerError: " + e);
        } finally {
            stopRequests.remove(name);
            deleteWorkFolder(name);
        }
    }

    private void runStages(String name, ObjectNode job) throws IOException, InterruptedException {
        logs.append(name, "Starting training job " + name);
        String image = job.path("AlgorithmSpecification").path("TrainingImage").asText(null);
        if (!XgboostImages.isXgboost(image)) {
            fail(name, XgboostImages.failureReason(image));
            return;
        }
        if (stoppedOnRequest(name)) {
            return;
        }
        long started = System.nanoTime(); // MaxRuntimeInSeconds counts from here; a duration, never a timestamp
        transition(name, "Downloading", "Downloading input data", true);
        Map<String, TrainingSpec.Channel> channels;
        try {
            channels = files.download(name, job.path("InputDataConfig"), line -> logs.append(name, line));
        } catch (ClientError e) {
            fail(name, e.failureReason());
            return;
        }
        if (stoppedOnRequest(name)) {
            return;
        }
        transition(name, "Training", "Training image download completed. Training in progress.", false);
        Path work = files.workFolder(name);
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        job.path("HyperParameters").fields().forEachRemaining(e -> hyperParameters.put(e.getKey(), e.getValue().asText()));
        TrainingSpec spec = new TrainingSpec(hyperParameters, channels, work.resolve("model/xgboost-model").toString(),
                work.resolve("result.json").toString());
        long maxRuntime = job.path("StoppingCondition").path("MaxRuntimeInSeconds").asLong(86400);
        Duration left = Duration.ofSeconds(maxRuntime).minusNanos(System.nanoTime() - started);
        TrainingProcess.Ending ending = process.run(spec, work.resolve("spec.json"), logs.file(name).toFile(),
                left.isNegative() ? Duration.ZERO : left, () -> stopRequests.containsKey(name));
        switch (ending.outcome()) {
            case STOPPED -> stoppedOnRequest(name);
            case TIMED_OUT -> {
                logs.append(name, "Training job exceeded MaxRuntimeInSeconds (" + maxRuntime + " s) and was stopped");
                jobs.update(name, j -> {
                    JobStatus.finish(j, "Stopped", "MaxRuntimeExceeded",
                            "Training job stopped: it exceeded the MaxRuntimeInSeconds of " + maxRuntime + " s",
                            clock.instant());
                    return j;
                });
            }
            case EXITED -> finishTraining(name, job, spec, ending.exitCode());
        }
    }

    private void finishTraining(String name, ObjectNode job, TrainingSpec spec, int exitCode) throws IOException {
        Path resultFile = Path.of(spec.resultFile());
        TrainingResult result = Files.exists(resultFile)
                ? Json.MAPPER.readValue(resultFile.toFile(), TrainingResult.class) : null;
        if (result != null && result.failureReason() != null) {
            fail(name, result.failureReason());
            return;
        }
        if (exitCode != 0 || result == null) {
            fail(name, "AlgorithmError: the training process ended with exit code " + exitCode + lastLogLine(name)
                    + "; see the job's log");
            return;
        }
        transition(name, "Uploading", "Uploading generated training model", false);
        S3Uri artifact;
        try {
            artifact = JobFiles.s3Uri("S3OutputPath", job.path("OutputDataConfig").path("S3OutputPath").asText())
                    .resolve(name + "/output/model.tar.gz");
            files.uploadModel(name, Path.of(spec.modelFile()), artifact, clock.instant().getEpochSecond());
        } catch (ClientError e) {
            fail(name, e.failureReason());
            return;
        } catch (IOException e) {
            fail(name, "ClientError: could not upload the model artifact: " + e.getMessage());
            return;
        }
        logs.append(name, "Uploaded " + artifact);
        jobs.update(name, j -> {
            j.putObject("ModelArtifacts").put("S3ModelArtifacts", artifact.toString());
            ArrayNode metrics = j.putArray("FinalMetricDataList");
            // JSON has no NaN: a metric XGBoost could not compute is left out, as the container's regex skips it
            result.metrics().forEach((metric, value) -> {
                if (Double.isFinite(value)) {
                    metrics.addObject().put("MetricName", metric).put("Value", value)
                            .set("Timestamp", AwsTime.epoch(clock.instant()));
                }
            });
            JobStatus.finish(j, "Completed", "Completed", "Training job completed", clock.instant());
            return j;
        });
        logs.append(name, "Training job completed: " + result.metrics());
    }

    /** The last thing the training process printed, stack frames left out (so: the exception), for the reason. */
    private String lastLogLine(String name) {
        return logs.read(name).flatMap(text -> text.lines()
                        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).reduce((a, b) -> b))
                .map(line -> ": " + line.trim()).orElse("");
    }

    private void transition(String name, String secondaryStatus, String message, boolean trainingStarts) {
        jobs.update(name, j -> {
            if (trainingStarts) {
                j.set("TrainingStartTime", AwsTime.epoch(clock.instant()));
            }
            JobStatus.transition(j, secondaryStatus, message, clock.instant());
            return j;
        });
    }

    /** Ends the job as Stopped if a stop was requested; true if so. */
    private boolean stoppedOnRequest(String name) {
        if (!stopRequests.containsKey(name)) {
            return false;
        }
        logs.append(name, "Training job stopped on request");
        jobs.update(name, j -> {
            JobStatus.finish(j, "Stopped", "Stopped", "Training job stopped", clock.instant());
            return j;
        });
        return true;
    }

    private void fail(String name, String reason) {
        if (executor.isShutdown()) {
            return; // closing interrupts downloads and uploads: not the job's failure, the next start runs it again
        }
        logs.append(name, reason);
        jobs.update(name, j -> {
            j.put("FailureReason", reason);
            JobStatus.finish(j, "Failed", "Failed", "Training job failed. " + reason, clock.instant());
            return j;
        });
    }

    private void deleteWorkFolder(String name) {
        try {
            files.deleteWorkFolder(name);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the work folder of training job " + name, e);
        }
    }

    /**
     * Continues the jobs a previous process left running, as a SageMaker job keeps running whatever happens to
     * its caller: an InProgress job is trained again from its start (its inputs are in S3 and training is
     * deterministic) under the same name, ARN and creation time; a Stopping one ends Stopped.
     */
    public void resumeInterruptedJobs() {
        for (ObjectNode job : jobs.all()) {
            if (!JobStatus.isRunning(job)) {
                continue;
            }
            String name = job.path("TrainingJobName").asText();
            deleteWorkFolder(name); // what the lost process had downloaded
            if (job.path("TrainingJobStatus").asText().equals("Stopping")) {
                requestStop(name);
                stoppedOnRequest(name);
                stopRequests.remove(name);
            } else {
                logs.append(name, RESTARTED);
                jobs.update(name, j -> {
                    JobStatus.transition(j, "Starting", RESTARTED, clock.instant());
                    return j;
                });
                start(name);
            }
        }
    }

    /** Waits for the jobs' threads to end, so that a new instance on the same folder never races with them. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("training threads still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
