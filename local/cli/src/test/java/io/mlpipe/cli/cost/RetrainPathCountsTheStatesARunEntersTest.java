package io.mlpipe.cli.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpipe.cli.CliException;
import io.mlpipe.cli.local.RepositoryRoot;
import io.mlpipe.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrainPathCountsTheStatesARunEntersTest {

    static final String LINEAR = """
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Task","Resource":"r","Next":"Done",
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Dup"}]},"Done":{"Type":"Succeed"},"Dup":{"Type":"Succeed"}}}""";
    static final String POLLING = """
        {"StartAt":"Create","States":{"Create":{"Type":"Task","Resource":"r","Next":"Wait"},
          "Wait":{"Type":"Wait","Seconds":30,"Next":"Describe"},"Describe":{"Type":"Task","Resource":"r","Next":"Status"},
          "Status":{"Type":"Choice","Choices":[{"Variable":"$.s","StringEquals":"ok","Next":"Done"}],"Default":"Wait"},
          "Done":{"Type":"Succeed"}}}""";
    static final String GATED = """
        {"StartAt":"Gate","States":{"Gate":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Deploy"}],
          "Default":"Reject"},"Deploy":{"Type":"Task","Resource":"r","Next":"Deployed"},"Deployed":{"Type":"Succeed"},
          "Reject":{"Type":"Pass","Next":"Log"},"Log":{"Type":"Pass","Next":"Rejected"},"Rejected":{"Type":"Succeed"}}}""";

    record Case(String name, String definition, String outcome, int polls, long transitions, List<String> loop) {
    }

    @Test
    void transitionsAreTheStatesEnteredWithTheWaitLoopRepeatedPerPoll() throws Exception {
        List<Case> cases = List.of(
                new Case("linear", LINEAR, "Done", 1, 3, List.of()),
                new Case("polls do not matter without a loop", LINEAR, "Done", 5, 3, List.of()),
                new Case("one poll", POLLING, "Done", 1, 5, List.of("Wait", "Describe", "Status")),
                new Case("four polls", POLLING, "Done", 4, 5 + 3 * 3, List.of("Wait", "Describe", "Status")),
                new Case("gate passed", GATED, "Deployed", 1, 3, List.of()),
                new Case("gate failed", GATED, "Rejected", 1, 4, List.of()));
        for (Case c : cases) {
            RetrainPath path = RetrainPath.to(Json.MAPPER.readTree(c.definition()), c.outcome());
            assertEquals(c.transitions(), path.transitions(c.polls()), c.name() + ": " + path.entered(c.polls()));
            assertEquals(c.loop(), path.loop(), c.name());
        }
    }

    @Test
    void aSucceedStateReachedOnlyThroughACatchIsNotARetrain() throws Exception {
        JsonNode definition = Json.MAPPER.readTree(LINEAR);
        CliException e = assertThrows(CliException.class, () -> RetrainPath.to(definition, "Dup"));
        assertTrue(e.getMessage().contains("reached only through a Catch"), e.getMessage());
        CliException unknown = assertThrows(CliException.class, () -> RetrainPath.to(definition, "Nope"));
        assertTrue(unknown.getMessage().contains("use --outcome with one of [Done, Dup]"), unknown.getMessage());
    }

    @Test
    void thePipelinesDeployPathIs29StatesPlus3PerExtraEndpointPollAndTheRejectPath20() {
        JsonNode definition = StackSettings.read(RepositoryRoot.template()).definition();
        RetrainPath deployed = RetrainPath.to(definition, "Deployed");
        assertEquals(29, deployed.transitions(1), deployed.entered(1).toString());
        assertEquals(29 + 3 * 7, deployed.transitions(8));
        assertEquals(List.of("WaitForEndpoint", "DescribeEndpoint", "EndpointStatus"), deployed.loop());
        assertEquals(30, deployed.waitSeconds());
        RetrainPath rejected = RetrainPath.to(definition, "Rejected");
        assertEquals(20, rejected.transitions(8), rejected.entered(8).toString());
        assertEquals(List.of(), rejected.loop());
    }
}
