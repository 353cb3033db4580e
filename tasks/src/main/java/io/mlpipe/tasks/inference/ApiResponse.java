package io.mlpipe.tasks.inference;

import java.util.LinkedHashMap;
import java.util.Map;

/** A REST answer before it becomes an API Gateway proxy response: status and JSON body. */
public record ApiResponse(int status, Map<String, Object> body) {

    static ApiResponse ok(Map<String, Object> body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        return new ApiResponse(status, body);
    }
}
