package io.mlpipe.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

class ExecutionApiTest {
    static final String ADD = "{\"StartAt\":\"Add\",\"States\":{\"Add\":{\"Type\":\"Pass\","
            + "\"Parameters\":{\"sum.$\":\"States.MathAdd($.a, $.b)\"},\"Next\":\"Done\"},\"Done\":{\"Type\":\"Succeed\"}}}";
    static final String FAIL = "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Custom.Error\",\"Cause\":\"it broke\"}}}";
    /** Waits long enough (even scaled by the shared twin's 0.01) to still run while a test looks at it. */
    static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3000,\"End\":true}}}";

    private final SfnClient sfn = Clients.sfn(SharedTwin.endpoint());

    @Test
    void succeededExecutionIsDescribedWithInputOutputAndDates() {
        String machine = Machines.create(sfn, "add", ADD);
        String name = "run-" + UUID.randomUUID();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input("{\"a\":2,\"b\":3}")).executionArn();
        assertEquals(machine.replace(":stateMachine:", ":execution:") + ":" + name, arn);

        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn);
        assertEquals(ExecutionStatus.SUCCEEDED, d.status());
        assertEquals(name, d.name());
        assertEquals(machine, d.stateMachineArn());
        assertEquals("{\"a\":2,\"b\":3}", d.input());
        assertEquals("{\"sum\":5}", d.output());
        assertNotNull(d.startDate());
        assertFalse(d.stopDate().isBefore(d.startDate()));
        assertNull(d.error());
    }

    @Test
    void failedExecutionCarriesTheErrorAndCause() {
        String arn = Machines.start(sfn, Machines.create(sfn, "fail", FAIL), "{}");
        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn);
        assertEquals(ExecutionStatus.FAILED, d.status());
        assertEquals("Custom.Error", d.error());
        assertEquals("it broke", d.cause());
        assertNull(d.output());
    }

    @Test
    void sameNameAndInputWhileRunningIsTheSameExecutionOtherwiseAlreadyExists() {
        String machine = Machines.create(sfn, "idem", WAIT);
        String name = "once-" + UUID.randomUUID();
        String first = sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input("{\"x\":1}")).executionArn();
        // the same input, spelled differently, is the same input
        String again = sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input("{ \"x\" : 1 }")).executionArn();
        assertEquals(first, again);
        assertThrows(ExecutionAlreadyExistsException.class,
                () -> sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input("{\"x\":2}")));

        sfn.stopExecution(b -> b.executionArn(first));
        // once closed, the name cannot be reused, whatever the input
        assertThrows(ExecutionAlreadyExistsException.class,
                () -> sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input("{\"x\":1}")));
    }

    @Test
    void executionWithoutANameGetsAUuid() {
        String arn = Machines.start(sfn, Machines.create(sfn, "uuid", ADD), "{\"a\":1,\"b\":1}");
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        assertEquals(name, UUID.fromString(name).toString());
    }

    @Test
    void startExecutionRefusesBadInputBadNamesAndUnknownStateMachines() {
        String machine = Machines.create(sfn, "refuse", ADD);
        assertThrows(InvalidExecutionInputException.class, () -> sfn.startExecution(b -> b.stateMachineArn(machine).input("{not json")));
        assertThrows(InvalidNameException.class, () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("no spaces")));
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.startExecution(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:" + Machines.unique("nope"))));
        assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(
                b -> b.executionArn("arn:aws:states:us-east-1:000000000000:execution:nope:" + UUID.randomUUID())));
    }

    @Test
    void stopExecutionAbortsWithTheGivenErrorAndCause() {
        String arn = Machines.start(sfn, Machines.create(sfn, "stop", WAIT), "{}");
        sfn.stopExecution(b -> b.executionArn(arn).error("Operator.Stop").cause("no longer needed"));
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
        assertEquals(ExecutionStatus.ABORTED, d.status());
        assertEquals("Operator.Stop", d.error());
        assertEquals("no longer needed", d.cause());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
        assertEquals(HistoryEventType.EXECUTION_ABORTED, events.get(events.size() - 1).type());
    }

    @Test
    void listExecutionsIsNewestFirstFilteredByStatusAndPaged() {
        String machine = Machines.create(sfn, "list", ADD);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(Machines.start(sfn, machine, "{\"a\":1,\"b\":" + i + "}"));
            Machines.sleep(5);
        }
        started.forEach(arn -> Machines.awaitEnd(sfn, arn));
        String failing = Machines.start(sfn, machine, "{\"a\":\"not a number\",\"b\":1}");
        assertEquals(ExecutionStatus.FAILED, Machines.awaitEnd(sfn, failing).status());

        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2).nextToken(next));
            assertTrue(page.executions().size() <= 2);
            page.executions().stream().map(ExecutionListItem::executionArn).forEach(listed::add);
            token = page.nextToken();
        } while (token != null);
        assertEquals(6, listed.size());
        assertEquals(failing, listed.get(0));
        assertEquals(started.get(0), listed.get(5));

        List<ExecutionListItem> failed = sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED)).executions();
        assertEquals(List.of(failing), failed.stream().map(ExecutionListItem::executionArn).toList());
        assertEquals(5, sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED)).executions().size());
        assertNotNull(failed.get(0).stopDate());

        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.listExecutions(
                b -> b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:" + Machines.unique("nope"))));
        SfnException tooMany = assertThrows(SfnException.class, () -> sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(1001)));
        assertEquals("ValidationException", tooMany.awsErrorDetails().errorCode());
    }

    @Test
    void historyHasAwsEventsInOrderPagedAndReversible() {
        String arn = Machines.start(sfn, Machines.create(sfn, "history", ADD), "{\"a\":1,\"b\":2}");
        Machines.awaitEnd(sfn, arn);
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
        assertEquals(List.of(HistoryEventType.EXECUTION_STARTED, HistoryEventType.PASS_STATE_ENTERED,
                HistoryEventType.PASS_STATE_EXITED, HistoryEventType.SUCCEED_STATE_ENTERED,
                HistoryEventType.SUCCEED_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED),
                events.stream().map(HistoryEvent::type).toList());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).id());
            assertEquals(i, events.get(i).previousEventId());
        }
        assertEquals("{\"a\":1,\"b\":2}", events.get(0).executionStartedEventDetails().input());
        assertEquals("Add", events.get(1).stateEnteredEventDetails().name());
        assertEquals("{\"sum\":3}", events.get(5).executionSucceededEventDetails().output());

        GetExecutionHistoryResponse firstPage = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(4));
        assertEquals(4, firstPage.events().size());
        assertNotNull(firstPage.nextToken());
        GetExecutionHistoryResponse secondPage = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(4)
                .nextToken(firstPage.nextToken()));
        assertEquals(2, secondPage.events().size());
        assertNull(secondPage.nextToken());

        List<HistoryEvent> reversed = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true)).events();
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, reversed.get(0).type());
        assertEquals(6, reversed.get(0).id());

        List<HistoryEvent> withoutData = sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false)).events();
        assertNull(withoutData.get(0).executionStartedEventDetails().input());
        assertNull(withoutData.get(5).executionSucceededEventDetails().output());
        assertEquals("Add", withoutData.get(1).stateEnteredEventDetails().name());
    }

    @Test
    void anExecutionPastItsTimeoutSecondsIsTimedOut() {
        String slow = "{\"TimeoutSeconds\":1,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3000,\"End\":true}}}";
        String arn = Machines.start(sfn, Machines.create(sfn, "timeout", slow), "{}");
        DescribeExecutionResponse d = Machines.awaitEnd(sfn, arn);
        assertEquals(ExecutionStatus.TIMED_OUT, d.status());
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
        assertEquals(HistoryEventType.EXECUTION_TIMED_OUT, events.get(events.size() - 1).type());
    }

    @Test
    void aRunningExecutionKeepsTheDefinitionItStartedWith() {
        String machine = Machines.create(sfn, "keeps", WAIT);
        String arn = Machines.start(sfn, machine, "{}");
        sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(ADD));
        assertEquals(WAIT, sfn.describeStateMachineForExecution(b -> b.executionArn(arn)).definition());
        assertEquals(ADD, sfn.describeStateMachine(b -> b.stateMachineArn(machine)).definition());
        sfn.stopExecution(b -> b.executionArn(arn));
    }

    @Test
    void startSyncExecutionRunsAnExpressMachineToTheEnd() {
        String express = Machines.createExpress(sfn, "sync", ADD);
        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"a\":20,\"b\":22}"));
        assertEquals(SyncExecutionStatus.SUCCEEDED, r.status());
        assertEquals("{\"sum\":42}", r.output());
        assertTrue(r.executionArn().contains(":express:"), r.executionArn());
        assertFalse(r.stopDate().isBefore(r.startDate()));

        StartSyncExecutionResponse failed = sfn.startSyncExecution(b -> b.stateMachineArn(Machines.createExpress(sfn, "syncfail", FAIL)));
        assertEquals(SyncExecutionStatus.FAILED, failed.status());
        assertEquals("Custom.Error", failed.error());

        String standard = Machines.create(sfn, "notexpress", ADD);
        assertThrows(StateMachineTypeNotSupportedException.class, () -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)));
    }
}
