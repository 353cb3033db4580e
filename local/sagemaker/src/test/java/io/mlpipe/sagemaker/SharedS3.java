package io.mlpipe.sagemaker;

import io.mlpipe.sagemaker.objects.S3ObjectStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** One real S3Proxy (SigV4 checked) for the whole test JVM, started on first use. */
final class SharedS3 {
    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "testsecret";
    static final String BUCKET = "mlpipe-test";

    private static URI endpoint;

    private SharedS3() {
    }

    static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                Path dir = Files.createTempDirectory("s3proxy");
                S3Proxy proxy = S3Proxy.builder()
                        .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
                proxy.start();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!"STARTED".equals(proxy.getState())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                    }
                    Thread.sleep(5);
                }
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                try (S3Client s3 = client()) {
                    s3.createBucket(b -> b.bucket(BUCKET));
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot start S3Proxy", e);
            }
        }
        return endpoint;
    }

    static S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    static S3ObjectStore objectStore() {
        return S3ObjectStore.local(endpoint(), "us-east-1", ACCESS_KEY, SECRET_KEY);
    }
}
