package io.mlpipe.twin.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway proxy handler on the events library types, like the inference handler. */
public class ProxyHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("resource", event.getResource());
        seen.put("path", event.getPath());
        seen.put("httpMethod", event.getHttpMethod());
        seen.put("pathParameters", event.getPathParameters());
        seen.put("queryStringParameters", event.getQueryStringParameters());
        seen.put("contentType", event.getHeaders() == null ? null : event.getHeaders().get("Content-Type"));
        seen.put("stage", event.getRequestContext().getStage());
        seen.put("resourcePath", event.getRequestContext().getResourcePath());
        seen.put("requestId", event.getRequestContext().getRequestId());
        seen.put("sourceIp", event.getRequestContext().getIdentity().getSourceIp());
        seen.put("body", event.getBody());
        seen.put("isBase64Encoded", event.getIsBase64Encoded());
        try {
            return new APIGatewayProxyResponseEvent().withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
                    .withBody(MAPPER.writeValueAsString(seen));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
