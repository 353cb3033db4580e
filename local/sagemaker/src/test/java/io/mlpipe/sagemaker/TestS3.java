package io.mlpipe.sagemaker;

import io.mlpipe.sagemaker.objects.S3ObjectStore;

/** The shared S3Proxy for tests in other packages. */
public final class TestS3 {
    public static final String BUCKET = SharedS3.BUCKET;

    private TestS3() {
    }

    public static S3ObjectStore objectStore() {
        return SharedS3.objectStore();
    }
}
