package io.mlpipe.twin.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.mlpipe.protocol.Json;
import io.mlpipe.twin.edge.AwsRequests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event of a Lambda proxy integration, field for field as API Gateway (REST, payload 1.0) builds it:
 * resource, path, httpMethod, headers and multiValueHeaders, queryStringParameters and
 * multiValueQueryStringParameters (null when absent), pathParameters, stageVariables, requestContext,
 * body (base64 when it is not text) and isBase64Encoded.
 */
final class ProxyEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ProxyEvents() {
    }

    static ObjectNode of(HttpExchange exchange, RestApi api, String stage, PathMatch match, String path, byte[] body,
                         String requestId, String account) {
        ObjectNode event = Json.object()
                .put("resource", match.resourcePath())
                .put("path", path)
                .put("httpMethod", exchange.getRequestMethod());
        ObjectNode headers = Json.object();
        ObjectNode multiHeaders = Json.object();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String canonical = canonical(name);
            headers.put(canonical, values.get(values.size() - 1));
            values.forEach(multiHeaders.withArray(canonical)::add);
        });
        event.set("headers", headers);
        event.set("multiValueHeaders", multiHeaders);
        Map<String, List<String>> query = queryParameters(exchange.getRequestURI().getRawQuery());
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                single.put(name, values.get(values.size() - 1));
                values.forEach(multi.withArray(name)::add);
            });
        }
        if (match.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        Map<String, String> variables = api.stages().getOrDefault(stage, Map.of());
        if (variables.isEmpty()) {
            event.putNull("stageVariables");
        } else {
            ObjectNode stageVariables = event.putObject("stageVariables");
            variables.forEach(stageVariables::put);
        }
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext")
                .put("resourceId", match.resourceId())
                .put("resourcePath", match.resourcePath())
                .put("httpMethod", exchange.getRequestMethod())
                .put("extendedRequestId", requestId)
                .put("requestTime", REQUEST_TIME.format(now))
                .put("path", "/" + stage + path)
                .put("accountId", account)
                .put("protocol", exchange.getProtocol())
                .put("stage", stage)
                .put("domainPrefix", api.id())
                .put("requestTimeEpoch", now.toEpochMilli())
                .put("requestId", requestId)
                .put("domainName", exchange.getRequestHeaders().getFirst("Host"))
                .put("apiId", api.id());
        ObjectNode identity = context.putObject("identity");
        identity.putNull("cognitoIdentityPoolId");
        identity.putNull("cognitoIdentityId");
        identity.putNull("cognitoAuthenticationType");
        identity.putNull("cognitoAuthenticationProvider");
        identity.putNull("principalOrgId");
        identity.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        AwsRequests.scope(exchange).ifPresentOrElse(scope -> identity
                        .put("accessKey", scope.accessKeyId())
                        .put("accountId", account)
                        .put("caller", scope.accessKeyId())
                        .put("user", scope.accessKeyId())
                        .put("userArn", "arn:aws:iam::" + account + ":user/" + scope.accessKeyId()),
                () -> identity.putNull("accessKey").putNull("accountId").putNull("caller").putNull("user").putNull("userArn"));
        if (body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        } else if (isText(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
        return event;
    }

    /** API Gateway without binary media types passes text through; everything else base64 keeps it intact. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }

    /** The JDK server lower-cases some header names; clients send them capitalized (Content-Type). */
    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = AwsRequests.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : AwsRequests.decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
