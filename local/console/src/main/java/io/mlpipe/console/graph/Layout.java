package io.mlpipe.console.graph;

import java.util.List;

/**
 * A drawn state machine, in SVG user units: boxes for the states, polylines for the transitions.
 *
 * @param x left edge of the box
 * @param y top edge of the box
 */
public record Layout(double width, double height, String startAt, List<Node> nodes, List<Line> edges) {

    public record Node(String name, String type, int layer, double x, double y, double width, double height) {
        public double right() {
            return x + width;
        }
    }

    /** A transition; {@code points} run from the source to the target (arrow at the end). */
    public record Line(String from, String to, String kind, String label, boolean back, List<double[]> points) {
    }
}
