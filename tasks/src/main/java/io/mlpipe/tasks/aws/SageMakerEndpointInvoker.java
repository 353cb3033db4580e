package io.mlpipe.tasks.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import io.mlpipe.tasks.io.EndpointInvoker;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

import java.nio.charset.StandardCharsets;

/** {@link EndpointInvoker} over SageMaker runtime InvokeEndpoint. */
public final class SageMakerEndpointInvoker implements EndpointInvoker {
    private final SageMakerRuntimeClient runtime;

    public SageMakerEndpointInvoker(SageMakerRuntimeClient runtime) {
        this.runtime = runtime;
    }

    @Override
    public String invoke(String endpointName, String contentType, String body) {
        try {
            var response = runtime.invokeEndpoint(b -> b.endpointName(endpointName).contentType(contentType)
                    .accept("text/csv").body(SdkBytes.fromString(body, StandardCharsets.UTF_8)));
            return response.body().asUtf8String();
        } catch (ModelErrorException e) {
            throw new EndpointFailedException("the model container answered an error: " + e.getMessage(), e);
        } catch (ValidationErrorException | ModelNotReadyException | ServiceUnavailableException e) {
            // ValidationError is what InvokeEndpoint answers for an endpoint that does not exist (yet) or is not InService.
            throw new EndpointUnavailableException("endpoint " + endpointName + " cannot answer now: " + e.getMessage(), e);
        } catch (SageMakerRuntimeException e) {
            if (e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500) {
                throw new EndpointUnavailableException("endpoint " + endpointName + " is busy: " + e.getMessage(), e);
            }
            throw new EndpointFailedException("InvokeEndpoint failed: " + e.getMessage(), e);
        } catch (SdkClientException e) {
            // no answer at all (connection refused, timeout): the upstream failed, a 502, not our 500
            throw new EndpointFailedException("could not reach endpoint " + endpointName + ": " + e.getMessage(), e);
        }
    }
}
