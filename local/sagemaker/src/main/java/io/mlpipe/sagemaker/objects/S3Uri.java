package io.mlpipe.sagemaker.objects;

/** An {@code s3://bucket/key} location. */
public record S3Uri(String bucket, String key) {

    public static S3Uri parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + uri);
        }
        return new S3Uri(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** This location as a folder with {@code child} under it. */
    public S3Uri resolve(String child) {
        return new S3Uri(bucket, key.isEmpty() || key.endsWith("/") ? key + child : key + "/" + child);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
