package io.mlpipe.sagemaker.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.sagemaker.common.TarGz;
import io.mlpipe.sagemaker.objects.ObjectStore;
import io.mlpipe.sagemaker.objects.S3Uri;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A job's files on their way in and out: its channels from S3 into its work folder (as SageMaker copies them to
 * {@code /opt/ml/input/data/<channel>}), its model out to S3 as {@code model.tar.gz}, and the folder's removal.
 */
final class JobFiles {
    private final ObjectStore objects;
    private final Path workRoot;

    JobFiles(ObjectStore objects, Path workRoot) {
        this.objects = objects;
        this.workRoot = workRoot;
    }

    Path workFolder(String jobName) {
        return workRoot.resolve(jobName);
    }

    /** Downloads each S3Prefix channel; a channel without ContentType is libsvm, the container's default. */
    Map<String, TrainingSpec.Channel> download(String jobName, JsonNode inputDataConfig, Consumer<String> log)
            throws IOException, ClientError {
        Map<String, TrainingSpec.Channel> channels = new LinkedHashMap<>();
        for (JsonNode channel : inputDataConfig) {
            String channelName = channel.path("ChannelName").asText();
            JsonNode source = channel.path("DataSource").path("S3DataSource");
            if (source.isMissingNode()) {
                throw new ClientError("Channel " + channelName + ": only S3DataSource is supported locally");
            }
            if (!source.path("S3DataType").asText("S3Prefix").equals("S3Prefix")) {
                throw new ClientError("Channel " + channelName + ": S3DataType " + source.path("S3DataType").asText()
                        + " is not supported locally; use S3Prefix");
            }
            S3Uri prefix = s3Uri("Channel " + channelName + ": S3Uri", source.path("S3Uri").asText());
            Path dir = workFolder(jobName).resolve("input").resolve(channelName);
            boolean gzip = channel.path("CompressionType").asText("None").equals("Gzip");
            int count = copyChannel(channelName, prefix, dir, gzip);
            log.accept("Downloaded " + count + " object(s) of channel " + channelName + " from " + prefix);
            channels.put(channelName, new TrainingSpec.Channel(dir.toString(), channel.path("ContentType").asText(null)));
        }
        return channels;
    }

    private int copyChannel(String channelName, S3Uri prefix, Path dir, boolean gzip) throws IOException, ClientError {
        List<String> keys;
        try {
            keys = objects.list(prefix.bucket(), prefix.key()).stream().filter(k -> !k.endsWith("/")).toList();
        } catch (FileNotFoundException e) {
            throw new ClientError("Channel " + channelName + ": " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw new ClientError("Channel " + channelName + ": no objects found under " + prefix);
        }
        for (String key : keys) {
            // as S3Prefix does: every key starting with the prefix, named after the prefix's last folder
            String relative = key.substring(prefix.key().lastIndexOf('/') + 1);
            Path target = dir.resolve(relative.isEmpty() ? "data" : relative).normalize();
            if (!target.startsWith(dir)) {
                throw new ClientError("Channel " + channelName + ": object key " + key + " leaves the channel's folder");
            }
            Files.createDirectories(target.getParent());
            try (InputStream raw = objects.get(prefix.bucket(), key);
                 InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return keys.size();
    }

    /** The s3:// location; the API also allows https:// ones, which only real S3 can resolve. */
    static S3Uri s3Uri(String what, String uri) throws ClientError {
        try {
            return S3Uri.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new ClientError(what + " " + uri + " is not supported locally: use s3://<bucket>/<prefix>");
        }
    }

    /** Packs {@code xgboost-model} into {@code model.tar.gz} (files dated {@code mtime}) and uploads it. */
    void uploadModel(String jobName, Path modelFile, S3Uri artifact, long mtimeEpochSeconds) throws IOException {
        Path tarFile = workFolder(jobName).resolve("model.tar.gz");
        try (OutputStream out = Files.newOutputStream(tarFile)) {
            TarGz.write(Map.of("xgboost-model", Files.readAllBytes(modelFile)), mtimeEpochSeconds, out);
        }
        objects.put(artifact.bucket(), artifact.key(), tarFile);
    }

    /** The channels' copies can be large; the log and the artifact live elsewhere. */
    void deleteWorkFolder(String jobName) throws IOException {
        Path work = workFolder(jobName);
        if (!Files.exists(work)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
