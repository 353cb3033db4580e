package io.mlpipe.twin.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST API of the template, as the twin serves it.
 *
 * @param resources resource id -> resource
 * @param models model name -> JSON schema
 * @param stages stage name -> stage variables
 */
public record RestApi(String id, String name, String rootResourceId, Map<String, Resource> resources,
                      List<Method> methods, Map<String, JsonNode> models, Map<String, Map<String, String>> stages) {

    public record Resource(String id, String parentId, String pathPart) {
    }

    /**
     * @param functionArn the Lambda (possibly qualified) of an AWS_PROXY integration; null for other types
     * @param requestModels content type -> model name
     * @param requestParameters e.g. {@code method.request.querystring.limit} -> required
     */
    public record Method(String resourceId, String httpMethod, String integrationType, String functionArn,
                         String authorizationType, Validator validator, Map<String, String> requestModels,
                         Map<String, Boolean> requestParameters) {
    }

    public record Validator(boolean body, boolean parameters) {
        public static final Validator NONE = new Validator(false, false);
    }

    /** The resource's path template, e.g. {@code /models/{model}/predict}. */
    public String path(String resourceId) {
        Resource resource = resources.get(resourceId);
        if (resource == null || resource.id().equals(rootResourceId) || resource.parentId() == null) {
            return "/";
        }
        String parent = path(resource.parentId());
        return (parent.equals("/") ? "" : parent) + "/" + resource.pathPart();
    }

    public Optional<Method> method(String resourceId, String httpMethod) {
        return methods.stream().filter(m -> m.resourceId().equals(resourceId) && m.httpMethod().equals(httpMethod)).findFirst()
                .or(() -> methods.stream().filter(m -> m.resourceId().equals(resourceId) && m.httpMethod().equals("ANY")).findFirst());
    }
}
