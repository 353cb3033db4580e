package io.mlpipe.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3ThroughTheEdgeTest {
    private final S3Client s3 = Clients.s3(SharedTwin.endpoint());

    @Test
    void putsListsGetsAndDeletesObjects() {
        s3.createBucket(b -> b.bucket("s3-basics"));
        s3.putObject(p -> p.bucket("s3-basics").key("dir/a b+c.txt"), RequestBody.fromString("hello"));
        assertEquals("hello", s3.getObjectAsBytes(g -> g.bucket("s3-basics").key("dir/a b+c.txt")).asUtf8String());
        assertEquals(5L, s3.headObject(h -> h.bucket("s3-basics").key("dir/a b+c.txt")).contentLength());
        assertEquals(1, s3.listObjectsV2(l -> l.bucket("s3-basics").prefix("dir/")).contents().size());
        s3.putObject(p -> p.bucket("s3-basics").key("empty"), RequestBody.empty());
        assertEquals(0, s3.getObjectAsBytes(g -> g.bucket("s3-basics").key("empty")).asByteArray().length);
        assertEquals(0L, s3.headObject(h -> h.bucket("s3-basics").key("empty")).contentLength());
        s3.deleteObject(d -> d.bucket("s3-basics").key("dir/a b+c.txt"));
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(g -> g.bucket("s3-basics").key("dir/a b+c.txt")));
    }

    @Test
    void bucketsNamedLikeOtherServicesPathsStayWithS3() {
        for (String bucket : new String[] {"restapis", "2015-03-31", "endpoints"}) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(p -> p.bucket(bucket).key("functions/x/invocations"), RequestBody.fromString(bucket));
            assertEquals(bucket, s3.getObjectAsBytes(g -> g.bucket(bucket).key("functions/x/invocations")).asUtf8String());
        }
    }

    @Test
    void presignedUrlsWork() throws Exception {
        s3.createBucket(b -> b.bucket("s3-presigned"));
        s3.putObject(p -> p.bucket("s3-presigned").key("shared.txt"), RequestBody.fromString("shared"));
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(SharedTwin.endpoint()).region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test"))).build()) {
            URL url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("s3-presigned").key("shared.txt"))).url();
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("shared", response.body());
        }
    }

    @Test
    void streamsLargeObjectsAndMultipartUploads() {
        s3.createBucket(b -> b.bucket("s3-large"));
        byte[] big = new byte[12 * 1024 * 1024];
        new Random(1).nextBytes(big);
        s3.putObject(p -> p.bucket("s3-large").key("big.bin"), RequestBody.fromBytes(big));
        assertTrue(java.util.Arrays.equals(big, s3.getObjectAsBytes(g -> g.bucket("s3-large").key("big.bin")).asByteArray()));

        String upload = s3.createMultipartUpload(c -> c.bucket("s3-large").key("multi.bin")).uploadId();
        byte[] part = java.util.Arrays.copyOf(big, 5 * 1024 * 1024);
        String etag1 = s3.uploadPart(u -> u.bucket("s3-large").key("multi.bin").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        String etag2 = s3.uploadPart(u -> u.bucket("s3-large").key("multi.bin").uploadId(upload).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        s3.completeMultipartUpload(c -> c.bucket("s3-large").key("multi.bin").uploadId(upload)
                .multipartUpload(CompletedMultipartUpload.builder().parts(
                        CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()).build()));
        assertEquals(part.length + 4L, s3.headObject(h -> h.bucket("s3-large").key("multi.bin")).contentLength());
    }
}
