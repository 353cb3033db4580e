package io.mlpipe.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.cli.connection.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Calls the pipeline's REST API as a client does: SigV4-signed for {@code execute-api} (the API is
 * IAM-authorized on AWS; the twin accepts the same signed request), sent with the SDK's HTTP client.
 */
public final class Predictions {
    private Predictions() {
    }

    /** The answer: HTTP status and the JSON body. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }

        public String message() {
            return body.path("message").asText(body.toString());
        }
    }

    /** {@code POST /models/{model}/predict} with {@code {"rows": [...]}}. */
    public static Answer predict(Pipeline pipeline, String model, JsonNode request) {
        return call(pipeline, SdkHttpMethod.POST, "models/" + ModelName.check(model) + "/predict", request.toString());
    }

    /** {@code GET /models/{model}}: the champion and the last versions. */
    public static Answer describe(Pipeline pipeline, String model) {
        return call(pipeline, SdkHttpMethod.GET, "models/" + ModelName.check(model), null);
    }

    private static Answer call(Pipeline pipeline, SdkHttpMethod method, String path, String body) {
        String base = pipeline.resources().apiUrl();
        if (base == null) {
            throw new CliException("the stack has no REST API URL: synthesize and deploy the current workflow");
        }
        URI uri = URI.create(base.endsWith("/") ? base + path : base + "/" + path);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(method)
                .putHeader("Accept", "application/json");
        ContentStreamProvider payload = null;
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.putHeader("Content-Type", "application/json").putHeader("Content-Length", String.valueOf(bytes.length));
            payload = ContentStreamProvider.fromByteArray(bytes);
        }
        AwsCredentialsIdentity credentials = pipeline.clients().credentials().resolveIdentity().join();
        ContentStreamProvider signedPayload = payload;
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request.build())
                .payload(signedPayload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, pipeline.clients().region().id()));
        try {
            HttpExecuteResponse response = pipeline.clients().http().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text;
            if (response.responseBody().isEmpty()) {
                text = "";
            } else {
                try (InputStream in = response.responseBody().get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(response.httpResponse().statusCode(), Executions.json(text));
        } catch (IOException e) {
            throw new CliException("the REST API at " + uri + " did not answer: " + e.getMessage()
                    + (pipeline.onAws() ? "" : " (is the twin still running? ./mlpipe info)"));
        }
    }
}
