package io.mlpipe.console.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered (Sugiyama style) drawing of a {@link StateGraph}, top to bottom:
 * <ol>
 *   <li>a depth-first walk from StartAt (Catch transitions last) finds the loops' back edges, which are
 *       turned around so the rest is acyclic;</li>
 *   <li>each state goes to the layer of its longest path from the start, so a failure handler that many
 *       states catch into sits below all of them;</li>
 *   <li>a transition spanning several layers runs through lane points, one per layer it crosses; lanes
 *       into the same target are shared (Catch transitions apart from the others), so twenty Catch
 *       transitions into one handler become one bus line instead of twenty;</li>
 *   <li>states and lanes are ordered within their layer by barycenter sweeps (fewest crossings kept);</li>
 *   <li>x positions follow the median of the neighbours, alternately from above and below, states
 *       before lanes (Sugiyama's priority method); boxes in a layer keep their order and never overlap.</li>
 * </ol>
 */
public final class LayeredLayout {
    static final double NODE_HEIGHT = 30;
    static final double LAYER_GAP = 30;
    static final double NODE_GAP = 26;
    static final double LANE_WIDTH = 8;
    /** Lanes may pass closer to boxes and to each other than boxes to boxes. */
    static final double LANE_GAP = 14;
    static final double MARGIN = 24;
    /** Room to the side of a box for a loop that goes back up between adjacent layers. */
    static final double LOOP_OFFSET = 16;

    private final StateGraph graph;
    private final List<Vertex> vertices = new ArrayList<>();
    private final Map<String, Vertex> byName = new LinkedHashMap<>();
    private final Map<String, Vertex> lanes = new HashMap<>();
    private final Set<List<Vertex>> pairs = new LinkedHashSet<>();
    private List<List<Vertex>> layers;

    private LayeredLayout(StateGraph graph) {
        this.graph = graph;
    }

    public static Layout of(StateGraph graph) {
        return new LayeredLayout(graph).layout();
    }

    private static final class Vertex {
        final String name;
        final String type;
        final double width;
        int layer;
        int order;
        double x;
        final List<Vertex> up = new ArrayList<>();
        final List<Vertex> down = new ArrayList<>();

        Vertex(String name, String type, double width) {
            this.name = name;
            this.type = type;
            this.width = width;
        }

        boolean lane() {
            return name == null;
        }
    }

    private Layout layout() {
        for (StateGraph.State state : graph.states()) {
            Vertex v = new Vertex(state.name(), state.type(), boxWidth(state.name()));
            byName.put(state.name(), v);
        }
        List<Vertex> discovery = new ArrayList<>();
        Set<StateGraph.Edge> back = backEdges(discovery);
        assignLayers(back);
        vertices.addAll(discovery);
        Map<StateGraph.Edge, List<Vertex>> routes = new LinkedHashMap<>();
        for (StateGraph.Edge edge : graph.edges()) {
            if (!edge.from().equals(edge.to())) {
                routes.put(edge, route(edge, back.contains(edge)));
            }
        }
        for (List<Vertex> pair : pairs) {
            pair.get(0).down.add(pair.get(1));
            pair.get(1).up.add(pair.get(0));
        }
        order();
        place();
        return drawing(routes, back);
    }

    /** Wide enough for the name in the pages' 12px sans-serif font. */
    static double boxWidth(String name) {
        return Math.max(96, Math.ceil(name.length() * 7.2) + 24);
    }

    private List<StateGraph.Edge> outgoing(String name) {
        return graph.edges().stream().filter(e -> e.from().equals(name))
                .sorted(Comparator.comparing(e -> e.kind().equals("catch"))).toList();
    }

    /** Depth-first from StartAt, then from any state left unreached; an edge to a state on the stack closes a loop. */
    private Set<StateGraph.Edge> backEdges(List<Vertex> discovery) {
        Set<StateGraph.Edge> back = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<String> roots = new ArrayList<>();
        roots.add(graph.startAt());
        roots.addAll(byName.keySet());
        for (String root : roots) {
            if (byName.containsKey(root) && !seen.contains(root)) {
                walk(root, seen, onStack, back, discovery);
            }
        }
        return back;
    }

    private void walk(String name, Set<String> seen, Set<String> onStack, Set<StateGraph.Edge> back, List<Vertex> discovery) {
        seen.add(name);
        onStack.add(name);
        discovery.add(byName.get(name));
        for (StateGraph.Edge edge : outgoing(name)) {
            if (onStack.contains(edge.to())) {
                back.add(edge);
            } else if (!seen.contains(edge.to())) {
                walk(edge.to(), seen, onStack, back, discovery);
            }
        }
        onStack.remove(name);
    }

    /** Longest path from the sources over the edges with the back edges turned around. */
    private void assignLayers(Set<StateGraph.Edge> back) {
        Map<Vertex, List<Vertex>> successors = new LinkedHashMap<>();
        Map<Vertex, Integer> indegree = new HashMap<>();
        byName.values().forEach(v -> {
            successors.put(v, new ArrayList<>());
            indegree.put(v, 0);
        });
        for (StateGraph.Edge edge : graph.edges()) {
            if (edge.from().equals(edge.to())) {
                continue;
            }
            Vertex a = byName.get(back.contains(edge) ? edge.to() : edge.from());
            Vertex b = byName.get(back.contains(edge) ? edge.from() : edge.to());
            successors.get(a).add(b);
            indegree.merge(b, 1, Integer::sum);
        }
        Deque<Vertex> ready = new ArrayDeque<>();
        byName.values().stream().filter(v -> indegree.get(v) == 0).forEach(ready::add);
        while (!ready.isEmpty()) {
            Vertex a = ready.removeFirst();
            for (Vertex b : successors.get(a)) {
                b.layer = Math.max(b.layer, a.layer + 1);
                if (indegree.merge(b, -1, Integer::sum) == 0) {
                    ready.add(b);
                }
            }
        }
    }

    /** The vertices an edge passes, top to bottom, creating shared lane vertices and adjacent pairs. */
    private List<Vertex> route(StateGraph.Edge edge, boolean isBack) {
        Vertex from = byName.get(edge.from());
        Vertex to = byName.get(edge.to());
        Vertex top = isBack ? to : from;
        Vertex bottom = isBack ? from : to;
        List<Vertex> path = new ArrayList<>();
        path.add(top);
        for (int layer = top.layer + 1; layer < bottom.layer; layer++) {
            // Catch transitions get a bus of their own: dashed and solid lines must not lie on each other.
            String key = edge.to() + "|" + (isBack ? "back" : "down") + "|" + edge.kind().equals("catch") + "|" + layer;
            int l = layer;
            path.add(lanes.computeIfAbsent(key, k -> {
                Vertex lane = new Vertex(null, null, LANE_WIDTH);
                lane.layer = l;
                vertices.add(lane);
                return lane;
            }));
        }
        path.add(bottom);
        for (int i = 0; i + 1 < path.size(); i++) {
            pairs.add(List.of(path.get(i), path.get(i + 1)));
        }
        return path;
    }

    private void order() {
        int count = vertices.stream().mapToInt(v -> v.layer).max().orElse(0) + 1;
        layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(new ArrayList<>());
        }
        vertices.forEach(v -> layers.get(v.layer).add(v));
        renumber();
        int[] best = snapshot();
        int fewest = crossings();
        for (int sweep = 0; sweep < 8; sweep++) {
            boolean downwards = sweep % 2 == 0;
            for (int i = 1; i < count; i++) {
                int layer = downwards ? i : count - 1 - i;
                sortByBarycenter(layers.get(layer), downwards);
            }
            renumber();
            int crossings = crossings();
            if (crossings < fewest) {
                fewest = crossings;
                best = snapshot();
            }
        }
        for (Vertex v : vertices) {
            v.order = best[vertices.indexOf(v)];
        }
        layers.forEach(layer -> layer.sort(Comparator.comparingInt(v -> v.order)));
    }

    private void sortByBarycenter(List<Vertex> layer, boolean fromAbove) {
        Map<Vertex, Double> keys = new HashMap<>();
        for (Vertex v : layer) {
            List<Vertex> neighbours = relevant(v, fromAbove);
            keys.put(v, neighbours.isEmpty() ? v.order : neighbours.stream().mapToInt(n -> n.order).average().orElse(v.order));
        }
        layer.sort(Comparator.comparingDouble(keys::get)); // stable: ties keep their order
    }

    private void renumber() {
        layers.forEach(layer -> {
            for (int i = 0; i < layer.size(); i++) {
                layer.get(i).order = i;
            }
        });
    }

    private int[] snapshot() {
        return vertices.stream().mapToInt(v -> v.order).toArray();
    }

    /** Pairs of edges between adjacent layers whose ends are in opposite order. */
    private int crossings() {
        int total = 0;
        List<List<Vertex>> all = List.copyOf(pairs);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                List<Vertex> a = all.get(i);
                List<Vertex> b = all.get(j);
                if (a.get(0).layer == b.get(0).layer
                        && Integer.signum(a.get(0).order - b.get(0).order) * Integer.signum(a.get(1).order - b.get(1).order) < 0) {
                    total++;
                }
            }
        }
        return total;
    }

    /** Alternating sweeps pull each vertex to the median x of its neighbours; order and spacing always hold. */
    private void place() {
        for (List<Vertex> layer : layers) {
            double x = 0;
            for (Vertex v : layer) {
                v.x = x + v.width / 2;
                x += v.width + NODE_GAP;
            }
        }
        for (int round = 0; round < 6; round++) {
            for (int i = 1; i < layers.size(); i++) {
                align(layers.get(i), true);
            }
            for (int i = layers.size() - 2; i >= 0; i--) {
                align(layers.get(i), false);
            }
        }
        double left = vertices.stream().mapToDouble(v -> v.x - v.width / 2).min().orElse(0);
        vertices.forEach(v -> v.x += MARGIN - left);
    }

    /**
     * Sugiyama's priority method for one layer: states before lanes, better connected states first, each
     * goes where its neighbours want it as far as the ones already placed allow, pushing the ones not yet
     * placed aside. Lanes follow the lane they continue, so a bus runs straight down beside the states.
     */
    private void align(List<Vertex> layer, boolean fromAbove) {
        int n = layer.size();
        double[] x = layer.stream().mapToDouble(v -> v.x).toArray();
        boolean[] placed = new boolean[n];
        List<Integer> byPriority = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byPriority.add(i);
        }
        byPriority.sort(Comparator.comparingInt((Integer i) -> -priority(layer.get(i), fromAbove)));
        for (int i : byPriority) {
            double low = Double.NEGATIVE_INFINITY;
            double gap = 0;
            for (int j = i - 1; j >= 0; j--) {
                gap += spacing(layer, j);
                if (placed[j]) {
                    low = x[j] + gap;
                    break;
                }
            }
            double high = Double.POSITIVE_INFINITY;
            gap = 0;
            for (int k = i + 1; k < n; k++) {
                gap += spacing(layer, k - 1);
                if (placed[k]) {
                    high = x[k] - gap;
                    break;
                }
            }
            x[i] = Math.max(low, Math.min(high, wanted(layer.get(i), fromAbove)));
            placed[i] = true;
            for (int j = i - 1; j >= 0 && !placed[j]; j--) {
                x[j] = Math.min(x[j], x[j + 1] - spacing(layer, j));
            }
            for (int k = i + 1; k < n && !placed[k]; k++) {
                x[k] = Math.max(x[k], x[k - 1] + spacing(layer, k - 1));
            }
        }
        for (int i = 0; i < n; i++) {
            layer.get(i).x = x[i];
        }
    }

    private static int priority(Vertex v, boolean fromAbove) {
        return (v.lane() ? 0 : 1000) + (fromAbove ? v.up : v.down).size();
    }

    /** The median x of the neighbours that matter. */
    private static double wanted(Vertex v, boolean fromAbove) {
        List<Vertex> chosen = relevant(v, fromAbove);
        return chosen.isEmpty() ? v.x : median(chosen);
    }

    /**
     * The neighbours a vertex lines up with, in order and in position: a state's states, a lane's lanes
     * (else all of them). So a bus keeps its side of the states it passes all the way down, instead of
     * being pulled across the main path by every state that joins it.
     */
    private static List<Vertex> relevant(Vertex v, boolean fromAbove) {
        List<Vertex> neighbours = fromAbove ? v.up : v.down;
        List<Vertex> alike = neighbours.stream().filter(n -> n.lane() == v.lane()).toList();
        return alike.isEmpty() ? neighbours : alike;
    }

    /** Distance between the centres of the i-th and the next vertex of a layer. */
    private static double spacing(List<Vertex> layer, int i) {
        Vertex a = layer.get(i);
        Vertex b = layer.get(i + 1);
        return a.width / 2 + (a.lane() || b.lane() ? LANE_GAP : NODE_GAP) + b.width / 2;
    }

    private static double median(List<Vertex> vertices) {
        double[] xs = vertices.stream().mapToDouble(v -> v.x).sorted().toArray();
        int mid = xs.length / 2;
        return xs.length % 2 == 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
    }

    private static double top(int layer) {
        return MARGIN + layer * (NODE_HEIGHT + LAYER_GAP);
    }

    private Layout drawing(Map<StateGraph.Edge, List<Vertex>> routes, Set<StateGraph.Edge> back) {
        List<Layout.Node> nodes = new ArrayList<>();
        for (Vertex v : byName.values()) {
            nodes.add(new Layout.Node(v.name, v.type, v.layer, v.x - v.width / 2, top(v.layer), v.width, NODE_HEIGHT));
        }
        double right = vertices.stream().mapToDouble(v -> v.x + v.width / 2).max().orElse(0);
        List<Layout.Line> lines = new ArrayList<>();
        for (StateGraph.Edge edge : graph.edges()) {
            List<double[]> points = edge.from().equals(edge.to()) ? selfLoop(byName.get(edge.from()))
                    : back.contains(edge) ? upwards(routes.get(edge)) : downwards(routes.get(edge));
            lines.add(new Layout.Line(edge.from(), edge.to(), edge.kind(), edge.label(), back.contains(edge), points));
        }
        double height = top(layers.size() - 1) + NODE_HEIGHT + MARGIN;
        return new Layout(right + MARGIN + LOOP_OFFSET, height, graph.startAt(), List.copyOf(nodes), List.copyOf(lines));
    }

    /** From the bottom of the source, straight through each lane, to the top of the target. */
    private static List<double[]> downwards(List<Vertex> path) {
        List<double[]> points = new ArrayList<>();
        Vertex first = path.get(0);
        points.add(new double[] {first.x, top(first.layer) + NODE_HEIGHT});
        for (Vertex lane : path.subList(1, path.size() - 1)) {
            points.add(new double[] {lane.x, top(lane.layer)});
            points.add(new double[] {lane.x, top(lane.layer) + NODE_HEIGHT});
        }
        Vertex last = path.get(path.size() - 1);
        points.add(new double[] {last.x, top(last.layer)});
        return points;
    }

    /**
     * A loop back up: out of the source's side, up its lanes, into the target's side, on the side the
     * lanes are on (the right when there is no lane), so it never runs over the downward edges.
     */
    private static List<double[]> upwards(List<Vertex> topDown) {
        List<Vertex> path = new ArrayList<>(topDown);
        java.util.Collections.reverse(path);
        Vertex source = path.get(0);
        Vertex target = path.get(path.size() - 1);
        List<Vertex> lanes = path.subList(1, path.size() - 1);
        double side = lanes.isEmpty() || lanes.get(0).x >= source.x ? 1 : -1;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {source.x + side * source.width / 2, top(source.layer) + NODE_HEIGHT / 2});
        if (lanes.isEmpty()) {
            double x = Math.max(source.x + side * source.width / 2, target.x + side * target.width / 2) + side * LOOP_OFFSET;
            points.add(new double[] {x, top(source.layer) + NODE_HEIGHT / 2});
            points.add(new double[] {x, top(target.layer) + NODE_HEIGHT / 2});
        }
        for (Vertex lane : lanes) {
            points.add(new double[] {lane.x, top(lane.layer) + NODE_HEIGHT});
            points.add(new double[] {lane.x, top(lane.layer)});
        }
        points.add(new double[] {target.x + side * target.width / 2, top(target.layer) + NODE_HEIGHT / 2});
        return points;
    }

    private static List<double[]> selfLoop(Vertex v) {
        double right = v.x + v.width / 2;
        double y = top(v.layer);
        return List.of(new double[] {right, y + 8}, new double[] {right + LOOP_OFFSET, y + 8},
                new double[] {right + LOOP_OFFSET, y + NODE_HEIGHT - 8}, new double[] {right, y + NODE_HEIGHT - 8});
    }
}
