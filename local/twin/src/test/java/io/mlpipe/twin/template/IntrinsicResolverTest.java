package io.mlpipe.twin.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.protocol.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each intrinsic CDK emits, resolved against a small template: {@code input | expected}, both JSON. */
class IntrinsicResolverTest {
    private static final String TEMPLATE = """
            {"Parameters": {"Env": {"Type": "String", "Default": "dev"},
                            "Zones": {"Type": "CommaDelimitedList", "Default": "a, b"}},
             "Mappings": {"Images": {"us-east-1": {"account": "683313688378"}}},
             "Conditions": {"IsDev": {"Fn::Equals": [{"Ref": "Env"}, "dev"]},
                            "IsProd": {"Fn::Not": [{"Condition": "IsDev"}]},
                            "DevInUsEast1": {"Fn::And": [{"Condition": "IsDev"}, {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}]},
                            "Either": {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "DevInUsEast1"}]}},
             "Resources": {
               "Data": {"Type": "AWS::S3::Bucket"},
               "Named": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-named"}}},
               "Runs": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "runs"}},
               "Dlq": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "dlq"}},
               "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alarms"}},
               "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "fn"}},
               "FnVersion": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": {"Ref": "Fn"}}},
               "FnAlias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "Name": "live",
                           "FunctionVersion": {"Fn::GetAtt": ["FnVersion", "Version"]}}},
               "Machine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"StateMachineName": "machine"}},
               "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "role"}},
               "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/logs"}},
               "Rule": {"Type": "AWS::Events::Rule", "Properties": {"Name": "rule"}}}}
            """;

    private final IntrinsicResolver resolver = resolver("seed");

    private static IntrinsicResolver resolver(String seed) {
        try {
            JsonNode template = Json.MAPPER.readTree(TEMPLATE);
            return new IntrinsicResolver(template, new ResourceAttributes(template, new PhysicalNames("Stack", seed),
                    "us-east-1", "000000000000", "Stack", "arn:aws:cloudformation:us-east-1:000000000000:stack/Stack/id",
                    "http://127.0.0.1:4566"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'Ref': 'AWS::Region'}|'us-east-1'",
        "{'Ref': 'AWS::AccountId'}|'000000000000'",
        "{'Ref': 'AWS::Partition'}|'aws'",
        "{'Ref': 'AWS::URLSuffix'}|'amazonaws.com'",
        "{'Ref': 'AWS::StackName'}|'Stack'",
        "{'Ref': 'AWS::StackId'}|'arn:aws:cloudformation:us-east-1:000000000000:stack/Stack/id'",
        "{'Ref': 'Env'}|'dev'",
        "{'Ref': 'Zones'}|['a', 'b']",
        "{'Ref': 'Named'}|'Stack-named'",
        "{'Ref': 'Runs'}|'runs'",
        "{'Fn::GetAtt': ['Runs', 'Arn']}|'arn:aws:dynamodb:us-east-1:000000000000:table/runs'",
        "{'Fn::GetAtt': 'Named.Arn'}|'arn:aws:s3:::Stack-named'",
        "{'Ref': 'Dlq'}|'http://127.0.0.1:4566/000000000000/dlq'",
        "{'Fn::GetAtt': ['Dlq', 'Arn']}|'arn:aws:sqs:us-east-1:000000000000:dlq'",
        "{'Fn::GetAtt': ['Dlq', 'QueueName']}|'dlq'",
        "{'Ref': 'Topic'}|'arn:aws:sns:us-east-1:000000000000:alarms'",
        "{'Fn::GetAtt': ['Fn', 'Arn']}|'arn:aws:lambda:us-east-1:000000000000:function:fn'",
        "{'Ref': 'FnVersion'}|'arn:aws:lambda:us-east-1:000000000000:function:fn:1'",
        "{'Fn::GetAtt': ['FnVersion', 'Version']}|'1'",
        "{'Ref': 'FnAlias'}|'arn:aws:lambda:us-east-1:000000000000:function:fn:live'",
        "{'Ref': 'Machine'}|'arn:aws:states:us-east-1:000000000000:stateMachine:machine'",
        "{'Fn::GetAtt': ['Machine', 'Name']}|'machine'",
        "{'Fn::GetAtt': ['Role', 'Arn']}|'arn:aws:iam::000000000000:role/role'",
        "{'Fn::GetAtt': ['Logs', 'Arn']}|'arn:aws:logs:us-east-1:000000000000:log-group:/logs:*'",
        "{'Fn::GetAtt': ['Rule', 'Arn']}|'arn:aws:events:us-east-1:000000000000:rule/rule'",
        "{'Fn::Join': ['', ['arn:', {'Ref': 'AWS::Partition'}, ':s3:::', {'Ref': 'Runs'}]]}|'arn:aws:s3:::runs'",
        "{'Fn::Join': [',', []]}|''",
        "{'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Dlq.QueueName}'}|'arn:aws:sqs:us-east-1:000000000000:dlq'",
        "{'Fn::Sub': ['${Table}/index/${!Literal}', {'Table': {'Ref': 'Runs'}}]}|'runs/index/${Literal}'",
        "{'Fn::Select': [1, ['a', 'b', 'c']]}|'b'",
        "{'Fn::Select': ['0', {'Fn::Split': ['/', 'x/y']}]}|'x'",
        "{'Fn::Split': [':', 'a::b']}|['a', '', 'b']",
        "{'Fn::If': ['IsDev', 'd', 'p']}|'d'",
        "{'Fn::If': ['IsProd', 'd', 'p']}|'p'",
        "{'Fn::If': ['Either', 'yes', 'no']}|'yes'",
        "{'Fn::Equals': ['a', 'a']}|true",
        "{'Fn::FindInMap': ['Images', {'Ref': 'AWS::Region'}, 'account']}|'683313688378'",
        "{'Fn::Select': [2, {'Fn::GetAZs': ''}]}|'us-east-1c'",
        "{'Fn::Base64': 'hi'}|'aGk='",
        "{'A': {'Ref': 'AWS::NoValue'}, 'B': 1}|{'B': 1}",
        "[{'Ref': 'AWS::NoValue'}, {'Fn::If': ['IsProd', 1, {'Ref': 'AWS::NoValue'}]}, 2]|[2]",
        "{'Nested': [{'Ref': 'Runs'}, {'Plain': true}]}|{'Nested': ['runs', {'Plain': true}]}",
    })
    void resolves(String input, String expected) throws Exception {
        JsonNode in = Json.MAPPER.readTree(input.replace('\'', '"'));
        JsonNode want = Json.MAPPER.readTree(expected.replace('\'', '"'));
        assertEquals(want, resolver.resolve(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'Ref': 'Nothing'}",
        "{'Fn::GetAtt': ['Nothing', 'Arn']}",
        "{'Fn::GetAtt': ['Runs', 'NoSuchAttribute']}",
        "{'Fn::FindInMap': ['Images', 'eu-west-9', 'account']}",
        "{'Fn::Select': [5, ['a']]}",
        "{'Fn::If': ['NoSuchCondition', 1, 2]}",
        "{'Fn::ImportValue': 'Shared'}",
    })
    void failsClearlyOnWhatItCannotResolve(String input) throws Exception {
        TemplateException error = assertThrows(TemplateException.class,
                () -> resolver.resolve(Json.MAPPER.readTree(input.replace('\'', '"'))));
        assertTrue(error.getMessage().length() > 10, error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Data"})
    void generatedNamesAreCloudFormationShapedAndStablePerSeed(String logicalId) {
        String name = resolver.ref(logicalId).asText();
        assertTrue(name.matches("stack-data-[a-z0-9]{13}"), name);
        assertEquals(name, resolver("seed").ref(logicalId).asText());
        assertTrue(!name.equals(resolver("other seed").ref(logicalId).asText()));
    }
}
