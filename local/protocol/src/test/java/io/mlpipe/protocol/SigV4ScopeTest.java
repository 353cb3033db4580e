package io.mlpipe.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SigV4ScopeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc|AKIDEXAMPLE|us-east-1|s3",
        "AWS4-HMAC-SHA256 Credential=test/20261126/eu-west-1/sagemaker/aws4_request,SignedHeaders=host,Signature=0|test|eu-west-1|sagemaker",
        "test/20261126/us-east-1/states/aws4_request|test|us-east-1|states",
    })
    void readsTheServiceAndRegionFromTheCredentialScope(String header, String key, String region, String service) {
        SigV4Scope scope = SigV4Scope.parse(header).orElseThrow();
        assertEquals(key, scope.accessKeyId());
        assertEquals(region, scope.region());
        assertEquals(service, scope.service());
        assertEquals("20261126", scope.date());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1/s3/aws4_request"})
    void findsNoScopeInOtherAuthorization(String header) {
        assertTrue(SigV4Scope.parse(header).isEmpty());
    }
}
