package io.mlpipe.console.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The layered layout on the pipeline's real state machine and on small shapes that stress it. */
class LayeredLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATE = Path.of("../../workflow/target/cdk.out/Mlpipe.template.json");

    /** The synthesized definition with every intrinsic (Ref, GetAtt) inside it replaced by a placeholder. */
    static JsonNode pipelineDefinition() throws Exception {
        JsonNode resources = JSON.readTree(TEMPLATE.toFile()).path("Resources");
        for (Iterator<JsonNode> it = resources.elements(); it.hasNext(); ) {
            JsonNode resource = it.next();
            if (resource.path("Type").asText().equals("AWS::StepFunctions::StateMachine")) {
                StringBuilder text = new StringBuilder();
                resource.path("Properties").path("DefinitionString").path("Fn::Join").get(1)
                        .forEach(part -> text.append(part.isTextual() ? part.asText() : "X"));
                return JSON.readTree(text.toString());
            }
        }
        throw new AssertionError("no state machine in " + TEMPLATE);
    }

    private static Layout layout(JsonNode definition) {
        return LayeredLayout.of(StateGraph.of(definition));
    }

    private static Map<String, Layout.Node> nodes(Layout layout) {
        return layout.nodes().stream().collect(Collectors.toMap(Layout.Node::name, n -> n));
    }

    /** Transitions read straight from the definition: "from -> to (kind)". */
    private static Set<String> transitions(JsonNode definition) {
        Set<String> out = new HashSet<>();
        definition.path("States").fields().forEachRemaining(entry -> {
            JsonNode state = entry.getValue();
            String from = entry.getKey();
            if (state.has("Next")) out.add(from + " -> " + state.get("Next").asText() + " (next)");
            if (state.has("Default")) out.add(from + " -> " + state.get("Default").asText() + " (default)");
            state.path("Choices").forEach(c -> out.add(from + " -> " + c.path("Next").asText() + " (choice)"));
            state.path("Catch").forEach(c -> out.add(from + " -> " + c.path("Next").asText() + " (catch)"));
        });
        return out;
    }

    @Test
    void everyStateOfThePipelineIsPlacedOnceInsideTheDrawing() throws Exception {
        JsonNode definition = pipelineDefinition();
        Layout layout = layout(definition);
        Set<String> states = new HashSet<>();
        definition.path("States").fieldNames().forEachRemaining(states::add);
        assertEquals(states, layout.nodes().stream().map(Layout.Node::name).collect(Collectors.toSet()));
        assertEquals(states.size(), layout.nodes().size());
        for (Layout.Node node : layout.nodes()) {
            assertTrue(node.x() >= 0 && node.y() >= 0 && node.right() <= layout.width() && node.y() + node.height() <= layout.height(),
                    node + " lies outside " + layout.width() + " x " + layout.height());
        }
    }

    @Test
    void noTwoStatesOverlap() throws Exception {
        List<Layout.Node> nodes = layout(pipelineDefinition()).nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Layout.Node a = nodes.get(i);
                Layout.Node b = nodes.get(j);
                boolean apart = a.right() <= b.x() || b.right() <= a.x() || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, a + " overlaps " + b);
            }
        }
    }

    @Test
    void thereIsAnEdgeForEveryNextDefaultChoiceAndCatch() throws Exception {
        JsonNode definition = pipelineDefinition();
        Set<String> drawn = layout(definition).edges().stream()
                .map(e -> e.from() + " -> " + e.to() + " (" + e.kind() + ")").collect(Collectors.toSet());
        assertEquals(transitions(definition), drawn);
        assertTrue(drawn.contains("Gate -> CreateModel (choice)"));
        assertTrue(drawn.contains("Gate -> RejectModelPackage (default)"));
        assertTrue(drawn.contains("Preprocess -> RecordFailure (catch)"));
    }

    @Test
    void edgesRunFromTheirSourceToTheirTarget() throws Exception {
        Layout layout = layout(pipelineDefinition());
        Map<String, Layout.Node> nodes = nodes(layout);
        for (Layout.Line edge : layout.edges()) {
            assertTrue(edge.points().size() >= 2, edge.toString());
            assertTrue(onBorder(nodes.get(edge.from()), edge.points().get(0)), edge.from() + " -> " + edge.to() + " does not leave its source");
            assertTrue(onBorder(nodes.get(edge.to()), edge.points().get(edge.points().size() - 1)),
                    edge.from() + " -> " + edge.to() + " does not reach its target");
        }
    }

    private static boolean onBorder(Layout.Node node, double[] point) {
        double e = 0.01;
        boolean inX = point[0] >= node.x() - e && point[0] <= node.right() + e;
        boolean inY = point[1] >= node.y() - e && point[1] <= node.y() + node.height() + e;
        boolean onEdge = Math.abs(point[0] - node.x()) < e || Math.abs(point[0] - node.right()) < e
                || Math.abs(point[1] - node.y()) < e || Math.abs(point[1] - node.y() - node.height()) < e;
        return inX && inY && onEdge;
    }

    @Test
    void transitionsGoDownExceptTheTwoWaitLoopsWhichGoBackUp() throws Exception {
        Layout layout = layout(pipelineDefinition());
        Map<String, Layout.Node> nodes = nodes(layout);
        assertEquals(0, nodes.get("NormaliseInput").layer());
        for (Layout.Line edge : layout.edges()) {
            int from = nodes.get(edge.from()).layer();
            int to = nodes.get(edge.to()).layer();
            if (edge.back()) {
                assertTrue(to < from, edge.from() + " -> " + edge.to() + " is a back edge but does not go up");
            } else {
                assertTrue(to > from, edge.from() + " -> " + edge.to() + " does not go down");
            }
        }
        List<String> back = layout.edges().stream().filter(Layout.Line::back).map(e -> e.from() + " -> " + e.to()).toList();
        // the pipeline's two loops: waiting for the model's deployment lease, and for the endpoint
        assertEquals(List.of("WaitForDeploymentLease -> AcquireDeploymentLease", "EndpointStatus -> WaitForEndpoint"), back);
        // The failure path sits below every state that catches into it.
        int failure = nodes.get("RecordFailure").layer();
        layout.edges().stream().filter(e -> e.to().equals("RecordFailure"))
                .forEach(e -> assertTrue(nodes.get(e.from()).layer() < failure, e.from()));
    }

    @Test
    void longEdgesPassBetweenStatesNotThroughThem() throws Exception {
        Layout layout = layout(pipelineDefinition());
        for (Layout.Line edge : layout.edges()) {
            List<double[]> points = edge.points();
            for (int i = 0; i + 1 < points.size(); i++) {
                double[] a = points.get(i);
                double[] b = points.get(i + 1);
                for (Layout.Node node : layout.nodes()) {
                    if (node.name().equals(edge.from()) || node.name().equals(edge.to())) {
                        continue;
                    }
                    assertFalse(crosses(a, b, node), edge.from() + " -> " + edge.to() + " runs through " + node.name());
                }
            }
        }
    }

    /** Whether the segment passes through the box's inside (sampled finely; the boxes are large). */
    private static boolean crosses(double[] a, double[] b, Layout.Node node) {
        for (int step = 0; step <= 200; step++) {
            double t = step / 200.0;
            double x = a[0] + (b[0] - a[0]) * t;
            double y = a[1] + (b[1] - a[1]) * t;
            if (x > node.x() + 1 && x < node.right() - 1 && y > node.y() + 1 && y < node.y() + node.height() - 1) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSelfLoopAndALoopBetweenNeighboursAreDrawnBesideTheStates() throws Exception {
        JsonNode definition = JSON.readTree("""
                {"StartAt": "Poll", "States": {
                  "Poll": {"Type": "Task", "Resource": "x", "Next": "Done?",
                           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Poll"}]},
                  "Done?": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.done %}", "Next": "End"}], "Default": "Poll"},
                  "End": {"Type": "Succeed"}}}""");
        Layout layout = layout(definition);
        Map<String, Layout.Node> nodes = nodes(layout);
        assertEquals(List.of(0, 1, 2), List.of(nodes.get("Poll").layer(), nodes.get("Done?").layer(), nodes.get("End").layer()));
        Layout.Line self = layout.edges().stream().filter(e -> e.from().equals("Poll") && e.to().equals("Poll")).findFirst().orElseThrow();
        assertTrue(self.back());
        assertTrue(self.points().stream().allMatch(p -> p[0] >= nodes.get("Poll").right()), "the self loop stays right of its state");
        Layout.Line up = layout.edges().stream().filter(e -> e.from().equals("Done?") && e.to().equals("Poll")).findFirst().orElseThrow();
        assertTrue(up.back());
        assertEquals("{% $states.input.done %}", layout.edges().stream().filter(e -> e.kind().equals("choice")).findFirst().orElseThrow().label());
        assertTrue(layout.width() >= nodes.get("Poll").right() + LayeredLayout.LOOP_OFFSET);
    }

    @Test
    void aStateNothingReachesIsStillPlaced() throws Exception {
        Layout layout = layout(JSON.readTree("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "Orphan": {"Type": "Pass", "Next": "A"}}}"""));
        assertEquals(Set.of("A", "Orphan"), nodes(layout).keySet());
        assertEquals(1, layout.edges().size());
    }
}
