package io.mlpipe.cli.pipeline;

import io.mlpipe.cli.CliException;
import io.mlpipe.cli.connection.Pipeline;
import java.nio.file.Path;
import java.util.Comparator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Data drops: {@code incoming/<model>/<name>.csv} in the data bucket, where the pipeline's rule picks them up. */
public final class Uploads {
    private Uploads() {
    }

    public static String key(String model, String fileName) {
        return "incoming/" + ModelName.check(model) + "/" + fileName;
    }

    /** Puts the CSV; returns its key. */
    public static String put(Pipeline pipeline, String model, String fileName, byte[] csv) {
        return put(pipeline, model, fileName, RequestBody.fromBytes(csv));
    }

    /** Puts the CSV file, streamed from disk (a data set too big to read into memory); returns its key. */
    public static String put(Pipeline pipeline, String model, String fileName, Path csv) {
        return put(pipeline, model, fileName, RequestBody.fromFile(csv));
    }

    private static String put(Pipeline pipeline, String model, String fileName, RequestBody csv) {
        String key = key(model, fileName);
        if (!fileName.endsWith(".csv")) {
            throw new CliException(fileName + " does not end with .csv: the pipeline only picks up .csv drops");
        }
        pipeline.s3().putObject(r -> r.bucket(pipeline.resources().bucket()).key(key).contentType("text/csv"),
                csv);
        return key;
    }

    /** The newest drop of a model. */
    public static String latest(Pipeline pipeline, String model) {
        return pipeline.s3().listObjectsV2Paginator(r -> r.bucket(pipeline.resources().bucket())
                        .prefix("incoming/" + ModelName.check(model) + "/"))
                .contents().stream().filter(o -> o.key().endsWith(".csv"))
                .max(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key))
                .map(S3Object::key)
                .orElseThrow(() -> new CliException("no data for model " + model + " under s3://"
                        + pipeline.resources().bucket() + "/incoming/" + model + "/: upload one with ./mlpipe upload FILE --model "
                        + model));
    }
}
