package io.mlpipe.cli.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** A connected pipeline: where its resources are and SDK clients to reach them (made on first use). */
public final class Pipeline implements AutoCloseable {
    private final Resources resources;
    private final Clients clients;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private SfnClient sfn;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private SageMakerClient sageMaker;

    Pipeline(Resources resources, Clients clients) {
        this.resources = resources;
        this.clients = clients;
    }

    public Resources resources() {
        return resources;
    }

    public Clients clients() {
        return clients;
    }

    public boolean onAws() {
        return Resources.AWS.equals(resources.target());
    }

    public synchronized SfnClient sfn() {
        return sfn = open(sfn, clients::sfn);
    }

    public synchronized S3Client s3() {
        return s3 = open(s3, clients::s3);
    }

    public synchronized DynamoDbClient dynamoDb() {
        return dynamoDb = open(dynamoDb, clients::dynamoDb);
    }

    public synchronized SageMakerClient sageMaker() {
        return sageMaker = open(sageMaker, clients::sageMaker);
    }

    private <C extends AutoCloseable> C open(C existing, Supplier<C> create) {
        if (existing != null) {
            return existing;
        }
        C client = create.get();
        opened.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing clients of a finished command: nothing left to do about a failure
            }
        }
        opened.clear();
        clients.close();
    }
}
