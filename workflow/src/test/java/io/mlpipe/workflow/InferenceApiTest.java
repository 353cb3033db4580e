package io.mlpipe.workflow;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** POST /models/{model}/predict and GET /models/{model}: IAM auth, validation, throttling, logs, tracing. */
class InferenceApiTest {

    private final Template template = SynthesizedStack.get().template;

    @Test
    void bothMethodsUseIamAuthorizationAndTheInferenceAliasByProxy() {
        template.resourceCountIs("AWS::ApiGateway::Method", 2);
        template.allResourcesProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
                "AuthorizationType", "AWS_IAM",
                "RequestParameters", Map.of("method.request.path.model", true),
                "RequestValidatorId", Map.of("Ref", Match.stringLikeRegexp("Inference.*")),
                "Integration", Match.objectLike(Map.of("Type", "AWS_PROXY", "IntegrationHttpMethod", "POST",
                        "Uri", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                                Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("FunctionsInferenceAlias.*")))))))))))));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "predict",
                "ParentId", Match.anyValue(), "RestApiId", Match.anyValue()));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "{model}",
                "ParentId", Match.anyValue(), "RestApiId", Match.anyValue()));
        template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of("HttpMethod", "GET")));
    }

    @Test
    void predictValidatesItsBodyAgainstTheRowsModel() {
        template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
                "HttpMethod", "POST",
                "RequestModels", Map.of("application/json", Map.of("Ref", Match.stringLikeRegexp("InferencePredictRequest.*"))))));
        template.hasResourceProperties("AWS::ApiGateway::Model", Match.objectLike(Map.of(
                "ContentType", "application/json",
                "Schema", Match.objectLike(Map.of("type", "object", "required", List.of("rows"),
                        "properties", Map.of("rows", Map.of("type", "array", "minItems", 1,
                                "maxItems", InferenceApi.MAX_ROWS, "items", Map.of("type", "object"))))))));
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Match.objectLike(Map.of(
                "ValidateRequestBody", true, "ValidateRequestParameters", true)));
    }

    @Test
    void stageIsThrottledTracedAndAccessLogged() {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
                "StageName", InferenceApi.STAGE,
                "TracingEnabled", true,
                "AccessLogSetting", Match.objectLike(Map.of("DestinationArn", Match.anyValue())),
                "MethodSettings", List.of(Match.objectLike(Map.of(
                        "ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100, "LoggingLevel", "ERROR",
                        "DataTraceEnabled", false, "HttpMethod", "*", "ResourcePath", "/*"))))));
    }
}
