package io.mlpipe.tasks.io;

/** The bucket or the key does not exist. */
public class ObjectNotFoundException extends Exception {
    public ObjectNotFoundException(String bucket, String key) {
        super("s3://" + bucket + "/" + key + " does not exist");
    }
}
