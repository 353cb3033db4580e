package io.mlpipe.bench.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlpipe.bench.BenchContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import org.junit.jupiter.api.Test;

/** The shape of the e2e section from a --quick run on a real twin (the numbers mean nothing here). */
class QuickEndToEndRunReportsEachPartPerSizeTest {
    @Test
    void everySizeGetsItsColumnEveryPartItsRowAndTheLargestItsShares() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String section = new EndToEndBench().run(BenchContext.of(root, "e2e", true, System.err));

        assertTrue(section.startsWith("## End to end on the twin"), section);
        assertTrue(section.contains("| part | first drop, 1k rows ("), section);
        assertTrue(section.contains(" | 1k rows (") && section.contains(" | 5k rows ("), section);
        for (String part : new String[] {"| **total: upload → first prediction** |", "| upload (PutObject) |",
                "| upload → execution started", "| execution (started → SUCCEEDED) |", "| · Preprocess |", "| · Train |",
                "| · between states", "| SUCCEEDED → client sees InService", "| InService → first prediction answered |"}) {
            assertTrue(section.contains(part), "no row " + part + " in\n" + section);
        }
        assertTrue(section.contains("Where the time goes for 5k rows"), section);
        assertTrue(section.contains("| part | time | share |"), section);
        assertTrue(section.strip().endsWith("(this output came from --quick: sizes too small to mean anything)."), section);
    }

    @Test
    void sizesAreLabelledInThousandsAndMillions() {
        assertTrue(EndToEndBench.label(10_000).equals("10k") && EndToEndBench.label(1_000_000).equals("1M")
                && EndToEndBench.label(1_500).equals("1500"));
    }

    @Test
    void aLoopsStatesAreSummedOverTheirRoundsAndCounted() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<HistoryEvent> history = List.of(entered("Train", t), exited("Train", t.plusSeconds(5)),
                entered("Wait", t.plusSeconds(5)), exited("Wait", t.plusSeconds(6)),
                entered("Wait", t.plusSeconds(7)), exited("Wait", t.plusSeconds(9)), entered("Deployed", t.plusSeconds(9)));

        StateTimes times = StateTimes.of(history);

        assertEquals(List.of("Train", "Wait", "Deployed"), List.copyOf(times.states().keySet()));
        assertEquals(new StateTimes.Time(Duration.ofSeconds(5), 1), times.states().get("Train"));
        assertEquals(new StateTimes.Time(Duration.ofSeconds(3), 2), times.states().get("Wait"));
        assertEquals(new StateTimes.Time(Duration.ZERO, 1), times.states().get("Deployed"));
        assertEquals(Duration.ofSeconds(8), times.inStates());
    }

    private static HistoryEvent entered(String state, Instant at) {
        return HistoryEvent.builder().type("TaskStateEntered").timestamp(at).stateEnteredEventDetails(d -> d.name(state)).build();
    }

    private static HistoryEvent exited(String state, Instant at) {
        return HistoryEvent.builder().type("TaskStateExited").timestamp(at).stateExitedEventDetails(d -> d.name(state)).build();
    }
}
