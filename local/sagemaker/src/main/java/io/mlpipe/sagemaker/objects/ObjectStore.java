package io.mlpipe.sagemaker.objects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The little of S3 that local SageMaker needs: read an object, write one, list keys under a prefix. */
public interface ObjectStore {

    /** The object's content; {@link java.io.FileNotFoundException} when there is no such object. */
    InputStream get(String bucket, String key) throws IOException;

    void put(String bucket, String key, Path file) throws IOException;

    /** Every key under {@code prefix}, in key order. */
    List<String> list(String bucket, String prefix) throws IOException;
}
