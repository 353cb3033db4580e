package io.mlpipe.sagemaker.objects;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} over the AWS SDK v2 S3 client: the twin's S3 behind its edge URL, or any S3. */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    /** A client for a local S3 at {@code endpoint}: path-style, the JDK's HTTP client, any credentials. */
    public static S3ObjectStore local(URI endpoint, String region, String accessKey, String secretKey) {
        return new S3ObjectStore(S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build());
    }

    @Override
    public InputStream get(String bucket, String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new FileNotFoundException("s3://" + bucket + "/" + key + " does not exist");
        } catch (SdkException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String bucket, String key, Path file) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String bucket, String prefix) throws IOException {
        try {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                    .contents().forEach((S3Object o) -> keys.add(o.key()));
            return keys;
        } catch (NoSuchBucketException e) {
            throw new FileNotFoundException("bucket " + bucket + " does not exist");
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
