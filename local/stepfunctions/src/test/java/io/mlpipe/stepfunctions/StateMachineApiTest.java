package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

class StateMachineApiTest {
    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    static final String PASS_TWO = "{\"StartAt\":\"Q\",\"States\":{\"Q\":{\"Type\":\"Pass\",\"Result\":2,\"End\":true}}}";

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());

    @Test
    void createdStateMachineIsDescribedWithItsArnDefinitionAndDefaults() {
        String name = Machines.unique("describe");
        CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(Machines.ROLE));
        assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:" + name, created.stateMachineArn());
        assertNotNull(created.creationDate());

        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
        assertEquals(name, d.name());
        assertEquals(PASS, d.definition());
        assertEquals(Machines.ROLE, d.roleArn());
        assertEquals(StateMachineType.STANDARD, d.type());
        assertEquals(StateMachineStatus.ACTIVE, d.status());
        assertEquals(created.creationDate(), d.creationDate());
        assertEquals("OFF", d.loggingConfiguration().levelAsString());
    }

    @Test
    void creatingTheSameStateMachineTwiceIsIdempotentButADifferentDefinitionIsAlreadyExists() {
        String name = Machines.unique("twice");
        String arn = sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(Machines.ROLE)).stateMachineArn();
        assertEquals(arn, sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(Machines.ROLE)).stateMachineArn());

        StateMachineAlreadyExistsException e = assertThrows(StateMachineAlreadyExistsException.class,
                () -> sfn.createStateMachine(b -> b.name(name).definition(PASS_TWO).roleArn(Machines.ROLE)));
        assertTrue(e.getMessage().contains(arn), e.getMessage());
    }

    @Test
    void anInvalidDefinitionIsRefusedWithTheEnginesDiagnostics() {
        String missingNext = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> sfn.createStateMachine(b -> b.name(Machines.unique("bad")).definition(missingNext).roleArn(Machines.ROLE)));
        assertTrue(e.getMessage().startsWith("Invalid State Machine Definition: "), e.getMessage());
        assertTrue(e.getMessage().contains("MISSING_TRANSITION_TARGET"), e.getMessage());

        assertThrows(InvalidDefinitionException.class,
                () -> sfn.createStateMachine(b -> b.name(Machines.unique("notjson")).definition("{nope").roleArn(Machines.ROLE)));
    }

    @Test
    void namesBreakingAwsRulesAreInvalidName() {
        for (String bad : List.of("has space", "a/b", "a:b", "x".repeat(81), "br{ace}", "star*")) {
            InvalidNameException e = assertThrows(InvalidNameException.class,
                    () -> sfn.createStateMachine(b -> b.name(bad).definition(PASS).roleArn(Machines.ROLE)), bad);
            assertEquals(400, e.statusCode());
        }
    }

    @Test
    void aMissingRequiredMemberIsAValidationException() {
        SfnException e = assertThrows(SfnException.class,
                () -> sfn.createStateMachine(b -> b.name(Machines.unique("norole")).definition(PASS)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("'roleArn'"), e.getMessage());
    }

    @Test
    void updateReplacesTheDefinitionAndRoleAndNeedsSomethingToUpdate() {
        String arn = Machines.create(sfn, "update", PASS);
        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS_TWO).roleArn("arn:aws:iam::000000000000:role/other"));
        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertEquals(PASS_TWO, d.definition());
        assertEquals("arn:aws:iam::000000000000:role/other", d.roleArn());

        assertThrows(MissingRequiredParameterException.class, () -> sfn.updateStateMachine(b -> b.stateMachineArn(arn)));
        assertThrows(InvalidDefinitionException.class,
                () -> sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition("{\"StartAt\":\"X\",\"States\":{}}")));
    }

    @Test
    void deletedStateMachineDoesNotExistAndDeletingAgainSucceeds() {
        String arn = Machines.create(sfn, "delete", PASS);
        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)));
        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    }

    @Test
    void malformedArnsAreInvalidArn() {
        assertThrows(InvalidArnException.class, () -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")));
        assertThrows(InvalidArnException.class, () -> sfn.describeStateMachine(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:execution:sm:run")));
    }

    @Test
    void listStateMachinesPagesThroughEveryMachineOnce() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(Machines.create(sfn, "page", PASS));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListStateMachinesResponse page = sfn.listStateMachines(b -> b.maxResults(2).nextToken(next));
            assertTrue(page.stateMachines().size() <= 2);
            page.stateMachines().stream().map(StateMachineListItem::stateMachineArn).forEach(seen::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertTrue(pages >= 3);
        assertTrue(seen.containsAll(mine));
        assertEquals(seen.size(), seen.stream().distinct().count());

        assertThrows(InvalidTokenException.class, () -> sfn.listStateMachines(b -> b.nextToken("bogus")));
    }

    @Test
    void validateStateMachineDefinitionReportsOkOrTheDiagnostics() {
        ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
        assertEquals(ValidateStateMachineDefinitionResultCode.OK, ok.result());
        assertTrue(ok.diagnostics().isEmpty());

        ValidateStateMachineDefinitionResponse fail = sfn.validateStateMachineDefinition(
                b -> b.definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}"));
        assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, fail.result());
        assertFalse(fail.diagnostics().isEmpty());
        assertEquals("MISSING_TRANSITION_TARGET", fail.diagnostics().get(0).code());
        assertEquals("ERROR", fail.diagnostics().get(0).severityAsString());
    }
}
