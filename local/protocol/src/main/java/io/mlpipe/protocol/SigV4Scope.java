package io.mlpipe.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4-signed request ({@code Credential=AKID/20261126/us-east-1/s3/aws4_request}):
 * the edge router uses the service name in it to route a request, as AWS's own endpoints are per service.
 */
public record SigV4Scope(String accessKeyId, String date, String region, String service) {
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

    /** Reads the scope from an Authorization header, or from a presigned URL's X-Amz-Credential value. */
    public static Optional<SigV4Scope> parse(String authorizationOrCredential) {
        if (authorizationOrCredential == null) {
            return Optional.empty();
        }
        String text = authorizationOrCredential.contains("Credential=")
                ? authorizationOrCredential
                : "Credential=" + authorizationOrCredential;
        Matcher m = CREDENTIAL.matcher(text);
        return m.find() ? Optional.of(new SigV4Scope(m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
    }
}
